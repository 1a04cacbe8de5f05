using CrmStateSync.Crm.Catalogue;
using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Crm.Mapping;

/// <summary>
/// Typed reads of one raw record through the mapping; a value that does not convert becomes a problem naming the CRM
/// field, and null. The <see cref="FieldCatalogue"/> reads the canonical input fields through it.
/// </summary>
internal sealed class RawFields(RawRecord raw, IReadOnlyDictionary<string, string> map, FieldMappingOptions mapping, IValueFormat format, List<FieldProblem> problems)
    : ICanonicalFieldSource
{
    /// <summary>The same record read into another list of problems (to report them later, in another order).</summary>
    public RawFields Aside(List<FieldProblem> aside) => new(raw, map, mapping, format, aside);

    /// <summary>Reports problems found <see cref="Aside"/>.</summary>
    public void Report(List<FieldProblem> aside) => problems.AddRange(aside);

    public string? Text(string key) => Raw(key, out _) is { Length: > 0 } v ? v : null;

    /// <summary>An optional reference to another record (an owner, a goal owner): null when empty, a problem when it is not an id.</summary>
    public string? Id(string key)
    {
        if (Raw(key, out var field) is not { Length: > 0 } value)
        {
            return null;
        }

        if (format.IsId(value))
        {
            return value;
        }

        problems.Add(new FieldProblem(raw.Id, field!, value, "is not a record id of this CRM"));
        return null;
    }

    /// <summary>The account a child record belongs to: an empty or malformed reference is a problem (the record cannot be placed).</summary>
    public string Reference(string key)
    {
        var field = map.TryGetValue(key, out var f) ? f : key;
        if (Id(key) is { } id)
        {
            return id;
        }

        if (Raw(key, out _) is not { Length: > 0 })
        {
            problems.Add(new FieldProblem(raw.Id, field, null, "is empty: the record belongs to no account (a private record, or no company association)"));
        }

        return "";
    }

    /// <summary>A text value that must be one of a configured picklist's values (when the list is configured), kept as read.</summary>
    public string? Known(string key, string list)
    {
        if (Raw(key, out var field) is not { Length: > 0 } value || !mapping.Picklists.ContainsKey(list) || Canonical(list, value) is not null)
        {
            return Text(key);
        }

        problems.Add(new FieldProblem(raw.Id, field!, value, $"is not a known {list} value ({string.Join(", ", Known(list))})"));
        return null;
    }

    public DateOnly? CalendarDate(string key) => Date(key);

    /// <summary>A CRM record without its date is left out by the caller; the date's problem is reported here.</summary>
    public DateOnly? RequiredDate(string key) => Date(key);

    public T? Picklist<T>(string key, string picklist)
        where T : struct, System.Enum => Enum<T>(key, picklist);

    /// <summary>The named usage metrics, each from its own CRM field (<see cref="FieldMappingOptions.UsageMetrics"/>); <paramref name="key"/> is not a field.</summary>
    public IReadOnlyDictionary<string, double> Metrics(string key)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, field) in mapping.UsageMetrics)
        {
            if (Number(field) is { } value)
            {
                metrics[name] = value;
            }
        }

        return metrics;
    }

    public DateOnly? Date(string key) => Parse(key, "is not a date", (string v, out DateOnly d) => format.TryParseDate(v, out d));

    public bool? Bool(string key) => Parse(key, "is not true or false", (string v, out bool b) => format.TryParseBool(v, out b));

    /// <summary>A count: a whole number ≥ 0 (a negative count is a problem, not a value).</summary>
    public int Count(string key)
    {
        var n = Parse(key, "is not a number", (string v, out double d) => format.TryParseNumber(v, out d));
        if (n is not { } value)
        {
            return 0;
        }

        if (value < 0 || value > int.MaxValue || value != Math.Floor(value))
        {
            problems.Add(new FieldProblem(raw.Id, map[key], value.ToString(System.Globalization.CultureInfo.InvariantCulture), "is not a whole number ≥ 0"));
            return 0;
        }

        return (int)value;
    }

    /// <summary>A number as decimal (so 3 and 3.0 compare equal as text), or null.</summary>
    public decimal? Decimal(string key) => Parse(key, "is not a number", (string v, out decimal d) =>
        decimal.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out d));

    public double? Number(string crmField)
    {
        if (!raw.Fields.TryGetValue(crmField, out var v) || string.IsNullOrEmpty(v))
        {
            return null;
        }

        if (format.TryParseNumber(v, out var d) && d >= 0)
        {
            return d;
        }

        problems.Add(new FieldProblem(raw.Id, crmField, v, "is not a number ≥ 0"));
        return null;
    }

    /// <summary>A picklist value translated to its canonical enum through <c>Picklists[list]</c>.</summary>
    public T? Enum<T>(string key, string list)
        where T : struct, System.Enum
    {
        if (Raw(key, out var field) is not { Length: > 0 } value)
        {
            return null;
        }

        var canonical = Canonical(list, value);
        if (canonical is not null && System.Enum.TryParse<T>(canonical, ignoreCase: false, out var e))
        {
            return e;
        }

        problems.Add(new FieldProblem(raw.Id, field!, value, $"is not a known {list} value ({string.Join(", ", Known(list))})"));
        return null;
    }

    /// <summary>A picklist value translated to its canonical label (stage labels), kept as-is when unknown so the rules can reject it.</summary>
    public string? Label(string key, string list) => Raw(key, out _) is { Length: > 0 } value ? Canonical(list, value) ?? value : null;

    private string? Canonical(string list, string crmValue)
    {
        if (!mapping.Picklists.TryGetValue(list, out var values))
        {
            return crmValue;
        }

        foreach (var (canonical, crm) in values)
        {
            if (string.Equals(crm, crmValue, StringComparison.Ordinal))
            {
                return canonical;
            }
        }

        return null;
    }

    private string[] Known(string list) => mapping.Picklists.TryGetValue(list, out var values) ? [.. values.Values] : [];

    private string? Raw(string key, out string? field)
    {
        field = map.TryGetValue(key, out var f) ? f : null;
        return field is not null && raw.Fields.TryGetValue(field, out var v) ? v : null;
    }

    private delegate bool TryParse<TValue>(string text, out TValue value);

    private TValue? Parse<TValue>(string key, string problem, TryParse<TValue> parse)
        where TValue : struct
    {
        if (Raw(key, out var field) is not { Length: > 0 } text)
        {
            return null;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        problems.Add(new FieldProblem(raw.Id, field!, text, problem));
        return null;
    }
}

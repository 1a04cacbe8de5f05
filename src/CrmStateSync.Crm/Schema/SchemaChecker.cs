using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Crm.Schema;

/// <summary>
/// Compares the expected fields with the org's descriptions: existence, a type the worker can use, write access for
/// the fields it writes, every picklist value the rules can write (active), and computed fields being computed. Pure:
/// the descriptions come in, so it is tested without HTTP.
/// </summary>
public static class SchemaChecker
{
    /// <param name="expected">From <see cref="ExpectedSchema.For"/>.</param>
    /// <param name="described">The org's objects; a missing key or null value means the object does not exist.</param>
    public static SchemaReport Check(IReadOnlyList<ExpectedField> expected, IReadOnlyDictionary<CrmObject, CrmObjectDescription?> described)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(described);
        var byObject = described.Where(d => d.Value is not null)
            .ToDictionary(d => d.Key, d => d.Value!.Fields.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));
        return new SchemaReport([.. expected.Select(e => Judge(e, byObject.GetValueOrDefault(e.Kind)?.GetValueOrDefault(e.Field)))]);
    }

    private static SchemaFinding Judge(ExpectedField expected, CrmFieldDescription? found)
    {
        if (found is null)
        {
            return new SchemaFinding(expected, null, SchemaVerdict.Missing, []);
        }

        var verdict = !Compatible(expected, found) ? SchemaVerdict.WrongType
            : expected.Access == FieldAccess.Calculated && !found.Calculated ? SchemaVerdict.WrongType
            : expected.Access == FieldAccess.Written && !found.Updateable ? SchemaVerdict.ReadOnly
            : SchemaVerdict.Ok;
        var missing = verdict == SchemaVerdict.Ok && expected.Access == FieldAccess.Written ? MissingValues(expected, found) : [];
        return new SchemaFinding(expected, found, missing.Count > 0 ? SchemaVerdict.MissingValues : verdict, missing);
    }

    private static List<string> MissingValues(ExpectedField expected, CrmFieldDescription found)
    {
        var active = found.Options.Where(o => o.Active).Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Values.Where(v => !active.Contains(v.Value)).Select(v => v.Value).ToList();
        // A value the mapping cannot translate is refused before sending, whatever the org holds: name the key to add.
        missing.AddRange(expected.UnmappedValues.Select(v => $"{v} (no entry Mapping:Picklists:{expected.PicklistName}:{v})"));
        return missing;
    }

    /// <summary>
    /// The worker writes exactly its type; it reads more leniently: a text input may be a picklist (and the reverse), a
    /// date may come as a datetime, and a reference (ids, owners, lookups) only needs to exist.
    /// </summary>
    private static bool Compatible(ExpectedField expected, CrmFieldDescription found)
    {
        if (expected.Type == found.Type || expected.Type == CrmFieldType.Reference)
        {
            return true;
        }

        return expected.Access == FieldAccess.Read && (expected.Type, found.Type) switch
        {
            (CrmFieldType.Text, CrmFieldType.Picklist) or (CrmFieldType.Picklist, CrmFieldType.Text) => true,
            (CrmFieldType.Date, CrmFieldType.DateTime) => true,
            _ => false,
        };
    }
}

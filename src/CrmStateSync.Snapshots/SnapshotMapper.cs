using System.Text.Json;
using CrmStateSync.Crm.Catalogue;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Snapshots;

/// <summary>
/// Maps one account's JSON (rules.md §1, camelCase) to an <see cref="AccountSnapshot"/>, collecting every problem: the
/// input fields through the <see cref="FieldCatalogue"/>, the file's structure (ids, <c>managed</c>, <c>lastWritten</c>,
/// the child lists) here.
/// </summary>
internal static class SnapshotMapper
{
    public static AccountSnapshot? Map(JsonElement account, string path, List<(string Path, string Message)> problems)
    {
        if (account.ValueKind != JsonValueKind.Object)
        {
            problems.Add((path, $"an account must be an object, was {account.ValueKind}"));
            return null;
        }

        var f = new JsonFields(account, path, problems);
        var id = f.String("id");
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add((f.At("id"), "the account id is missing"));
        }

        return FieldCatalogue.ReadAccount(f, id ?? "", new AccountParts(f, problems));
    }

    /// <summary>The snapshot file's own structure around the account's input fields: <c>managed</c>, <c>lastWritten</c> and the child lists.</summary>
    private readonly struct AccountParts(JsonFields f, List<(string Path, string Message)> problems) : IAccountParts
    {
        public ManagedValues Managed() =>
            f.Child("managed", JsonValueKind.Object) is { } m ? ManagedMapper.Map(m, f.At("managed"), problems) : ManagedValues.Empty;

        public LastWritten? LastWritten() =>
            f.Child("lastWritten", JsonValueKind.Object) is { } lw ? SnapshotMapper.LastWritten(new JsonFields(lw, f.At("lastWritten"), problems)) : null;

        public IReadOnlyList<Opportunity> Opportunities() => List(f, "opportunities", problems, o => FieldCatalogue.ReadOpportunity(o, Required(o, "id")));

        public IReadOnlyList<Contact> Contacts() => List(f, "contacts", problems, c => FieldCatalogue.ReadContact(c, Required(c, "id")));

        public IReadOnlyList<UsageRow> Usage() => List(f, "usage", problems, SnapshotMapper.Usage);
    }

    private static LastWritten LastWritten(JsonFields f) => new()
    {
        Stage = f.String("stage"),
        StageSource = f.Enum<StageSource>("stageSource") ?? StageSource.Automated,
        StageSetOn = f.Date("stageSetOn"),
    };

    /// <summary>A usage row: an absent date is reported here and the row read on (the account is refused for it).</summary>
    private static UsageRow Usage(JsonFields f)
    {
        if (!f.Has(FieldCatalogue.UsageDate))
        {
            f.Add(f.At(FieldCatalogue.UsageDate), "a usage row needs a date");
        }

        return FieldCatalogue.ReadUsage(f)!;
    }

    private static string Required(JsonFields f, string name)
    {
        var value = f.String(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            f.Add(f.At(name), $"{name} is missing");
        }

        return value ?? "";
    }

    private static List<T> List<T>(JsonFields parent, string name, List<(string, string)> problems, Func<JsonFields, T> map)
    {
        var result = new List<T>();
        if (parent.Child(name, JsonValueKind.Array) is not { } array)
        {
            return result;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"{parent.At(name)}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add((path, $"must be an object, was {item.ValueKind}"));
                continue;
            }

            result.Add(map(new JsonFields(item, path, problems)));
        }

        return result;
    }
}

internal static class UsageRowDefaults
{
    public static readonly IReadOnlyDictionary<string, double> NoMetrics = new Dictionary<string, double>();
}

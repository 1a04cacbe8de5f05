namespace CrmStateSync.Reports.Rendering;

/// <summary>The conflict log as text: counts by action, open ones by field and rule, the latest conflicts.</summary>
public static partial class TableRenderer
{
    private static void Conflicts(TextWriter o, ReportSet set, ConflictsReport c)
    {
        o.WriteLine(Fmt.Header(set, "Conflict log") + $": {c.Logged} logged, {c.Open} open (the log of conflicts list)");
        if (c.Logged == 0)
        {
            o.WriteLine("No conflict logged yet: no human edit of a field the worker manages has been seen.");
            return;
        }

        TextTable.Write(o, ["action", "conflicts"], c.ByAction.Select(a => (IReadOnlyList<string>)[a.Key, Fmt.Number(a.Count)]), "");
        TextTable.Write(o, ["open by field", "open"], c.OpenByField.Select(f => (IReadOnlyList<string>)[f.Key, Fmt.Number(f.Count)]), "No conflict is open.");
        TextTable.Write(o, ["open by rule", "open"], c.OpenByRule.Select(r => (IReadOnlyList<string>)[r.Key, Fmt.Number(r.Count)]), "No conflict is open.");
        TextTable.Write(o, ["id", "detected on", "account", "field", "action", "status"], c.Recent.Select(x => (IReadOnlyList<string>)
            [Fmt.Number(x.Id), Fmt.Day(x.DetectedOn), x.AccountId, x.Field, x.Action, x.Open ? "open" : x.ResolvedOn is { } on ? $"resolved {Fmt.Day(on)}" : "closed"]), "");
    }
}

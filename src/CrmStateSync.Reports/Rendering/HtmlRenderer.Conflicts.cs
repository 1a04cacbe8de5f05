using System.Xml.Linq;
using static CrmStateSync.Reports.Rendering.Xhtml;

namespace CrmStateSync.Reports.Rendering;

/// <summary>The conflict-log section: counts by action, what is open by field and by rule, the latest conflicts.</summary>
public static partial class HtmlRenderer
{
    private static XElement Conflicts(ConflictsReport c) =>
        Section("conflicts", "Conflict log",
            Note($"{c.Logged} conflicts logged up to {Fmt.Day(c.AsOf)} (human edits of a field the worker manages), {c.Open} open for an admin. "
                + "The same log as conflicts list; conflicts resolve ID --keep crm|engine decides an open one."),
            c.Logged == 0
                ? Empty("No conflict logged yet: no human edit of a field the worker manages has been seen, so there is nothing to review.")
                : new object?[]
                {
                    Table(["action", "conflicts"], c.ByAction.Select(a => Row(a.Key, Fmt.Number(a.Count))), "", "table-conflicts-by-action"),
                    El("h3", "Open conflicts by field and by rule"),
                    Table(["field", "open"], c.OpenByField.Select(f => Row(f.Key, Fmt.Number(f.Count))), "No conflict is open: every logged one was reverted, accepted or resolved.", "table-conflicts-open-by-field"),
                    c.Open == 0 ? null : Table(["rule", "open"], c.OpenByRule.Select(r => Row(r.Key, Fmt.Number(r.Count))), "", "table-conflicts-open-by-rule"),
                    El("h3", $"The latest {c.Recent.Count} of {c.Logged}"),
                    Table(["id", "detected on", "account", "name", "field", "CRM value", "engine value", "action", "rule", "status"],
                        c.Recent.Select(x => Row(Fmt.Number(x.Id), Fmt.Day(x.DetectedOn), x.AccountId, x.Name ?? "", x.Field, x.CrmValue ?? "", x.EngineValue ?? "", x.Action, x.Rule ?? "",
                            x.Open ? "open" : x.ResolvedOn is { } on ? $"resolved {Fmt.Day(on)}" : "closed")),
                        "", "table-conflicts-recent"),
                });
}

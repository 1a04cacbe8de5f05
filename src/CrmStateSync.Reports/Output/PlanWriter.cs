using System.Text.Json;
using CrmStateSync.Sync.Engine;

namespace CrmStateSync.Output;

/// <summary>
/// The dry-run plan: per account, field, CRM value, new value and reason; and the conflicts it would log. With a limit,
/// only the first N accounts that have something planned are listed, and the rest is counted, not dropped silently
/// (one account in full: <see cref="AccountPlanWriter"/>).
/// </summary>
public static class PlanWriter
{
    public static void Write(TextWriter output, CycleResult result, string format, int? limit = null)
    {
        var planned = result.Accounts.Where(a => !a.Plan.IsEmpty).ToList();
        var shown = limit is { } n ? planned.Take(n).ToList() : planned;
        var left = planned.Skip(shown.Count).ToList();
        var rows = shown.SelectMany(a => a.Plan.Writes.Select(w => new
        {
            account = a.AccountId,
            field = w.Field,
            crmValue = w.CrmText,
            newValue = w.Text,
            reason = w.Field == "stage" ? a.Result.Stage.Reason : null,
        })).ToList();
        var conflicts = shown.SelectMany(a => a.Plan.Conflicts).Select(c => new
        {
            account = c.AccountId,
            field = c.Field,
            crmValue = c.CrmValue,
            engineValue = c.EngineValue,
            action = c.Action.ToString(),
            rule = c.Rule,
        }).ToList();
        var leftOut = new { accounts = left.Count, writes = left.Sum(a => a.Plan.Writes.Count), conflicts = left.Sum(a => a.Plan.Conflicts.Count) };
        if (format == "json")
        {
            output.WriteLine(limit is null
                ? JsonSerializer.Serialize(new { writes = rows, conflicts }, JsonOptions)
                : JsonSerializer.Serialize(new { writes = rows, conflicts, leftOut }, JsonOptions));
            return;
        }

        output.WriteLine($"{"account",-20} {"field",-36} {"CRM value",-22} new value");
        foreach (var r in rows)
        {
            output.WriteLine($"{r.account,-20} {r.field,-36} {Cell(r.crmValue),-22} {Cell(r.newValue)}");
        }

        output.WriteLine($"{rows.Count} field writes planned; {conflicts.Count} conflicts would be logged");
        foreach (var c in conflicts)
        {
            output.WriteLine($"  conflict {c.account} {c.field}: CRM '{c.crmValue}' vs engine '{c.engineValue}' → {c.action} ({c.rule})");
        }

        if (leftOut.accounts > 0)
        {
            output.WriteLine($"… {leftOut.accounts} more account(s) with {leftOut.writes} field write(s) and {leftOut.conflicts} conflict(s) left out (--limit {limit}).");
        }

        if (rows.Exists(r => r.crmValue?.Length > 22 || r.newValue?.Length > 22) || leftOut.accounts > 0)
        {
            output.WriteLine("Values are cut at 22 characters here; one account's plan in full, with each value's reason: sync --once --dry-run --account ID");
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private static string Cell(string? value) => value is null ? "(empty)" : value.Length > 22 ? value[..21] + "…" : value;
}

using System.Text.Json;
using CrmStateSync.Sync.Engine;

namespace CrmStateSync.Output;

/// <summary>The dry-run plan: per account, field, CRM value, new value and reason; and the conflicts it would log.</summary>
internal static class PlanWriter
{
    public static void Write(TextWriter output, CycleResult result, string format)
    {
        var rows = result.Accounts.SelectMany(a => a.Plan.Writes.Select(w => new
        {
            account = a.AccountId,
            field = w.Field,
            crmValue = w.CrmText,
            newValue = w.Text,
            reason = w.Field == "stage" ? a.Result.Stage.Reason : null,
        })).ToList();
        var conflicts = result.Accounts.SelectMany(a => a.Plan.Conflicts).Select(c => new
        {
            account = c.AccountId,
            field = c.Field,
            crmValue = c.CrmValue,
            engineValue = c.EngineValue,
            action = c.Action.ToString(),
            rule = c.Rule,
        }).ToList();
        if (format == "json")
        {
            output.WriteLine(JsonSerializer.Serialize(new { writes = rows, conflicts }, JsonOptions));
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
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private static string Cell(string? value) => value is null ? "(empty)" : value.Length > 22 ? value[..21] + "…" : value;
}

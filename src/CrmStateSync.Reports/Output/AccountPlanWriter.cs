using System.Globalization;
using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Engine;

namespace CrmStateSync.Output;

/// <summary>
/// <c>sync --once --dry-run --account ID</c>: one account's plan in full, like a per-record run detail: every managed
/// field the org maps, its CRM value, its computed value (never cut), what the cycle would do with it and why; then
/// the conflicts it would log and the interventions it would raise.
/// </summary>
public static class AccountPlanWriter
{
    private static readonly string[] Header = ["field", "CRM value", "computed value", "would", "reason"];
    private static readonly int[] Widths = [0, 28, 28, 0, 56];
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <param name="output">stdout.</param>
    /// <param name="plan">The account's evaluation, plan, CRM values and computed values.</param>
    /// <param name="format">table or json.</param>
    public static void Write(TextWriter output, AccountPlanView plan, string format)
    {
        var fields = Fields(plan).ToList();
        var outcome = plan.Outcome;
        if (format == "json")
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                account = new { id = outcome.AccountId, name = plan.Name },
                asOf = Day(outcome.Result.AsOf),
                fields = fields.Select(f => new { field = f[0], crmValue = plan.Crm.GetValueOrDefault(f[0]), computedValue = FieldText.Of(plan.Desired.GetValueOrDefault(f[0])), action = f[3], reason = f[4] }),
                conflicts = outcome.Plan.Conflicts.Select(c => new { field = c.Field, crmValue = c.CrmValue, engineValue = c.EngineValue, action = c.Action.ToString(), rule = c.Rule }),
                interventions = outcome.Result.Interventions.Select(i => new { kind = i.Kind.ToString(), due = Day(i.Due), reason = i.Reason }),
            }, JsonOptions));
            return;
        }

        output.WriteLine($"Plan for account {(plan.Name is { Length: > 0 } name ? $"{name} ({outcome.AccountId})" : outcome.AccountId)} as of {Day(outcome.Result.AsOf)} (dry run: nothing is written)");
        WrappedTable.Write(output, Header, Widths, fields);
        output.WriteLine($"{outcome.Plan.Writes.Count} field write(s) planned; {outcome.Plan.Conflicts.Count} conflict(s) would be logged");
        foreach (var c in outcome.Plan.Conflicts)
        {
            output.WriteLine($"  conflict {c.Field}: CRM '{c.CrmValue ?? "(empty)"}' vs engine '{c.EngineValue ?? "(empty)"}' → {c.Action} ({c.Rule})");
        }

        foreach (var i in outcome.Result.Interventions)
        {
            output.WriteLine($"  intervention {i.Kind} due {Day(i.Due)}: {i.Reason}");
        }
    }

    /// <summary>One row per managed field the CRM maps (and any field written), in the computed values' order.</summary>
    private static IEnumerable<string[]> Fields(AccountPlanView plan)
    {
        var writes = plan.Outcome.Plan.Writes.ToDictionary(w => w.Field, StringComparer.Ordinal);
        var conflicts = plan.Outcome.Plan.Conflicts.GroupBy(c => c.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        foreach (var (field, value) in plan.Desired)
        {
            if (!plan.Crm.TryGetValue(field, out var crm) && !writes.ContainsKey(field))
            {
                continue;
            }

            var computed = FieldText.Of(value);
            var action = writes.ContainsKey(field) ? "write"
                : conflicts.TryGetValue(field, out var c) ? $"keep CRM ({c.Action})"
                : computed == crm ? "nothing"
                : field == ManagedField.StageReason ? "nothing"
                : "keep CRM";
            yield return [field, crm ?? "(empty)", computed ?? "(empty)", action, FieldReasons.Of(plan.Outcome.Result, field)];
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>What <see cref="AccountPlanWriter"/> prints: the account's outcome, its name, the CRM's values and the computed ones.</summary>
public sealed record AccountPlanView(AccountOutcome Outcome, string? Name, IReadOnlyDictionary<string, string?> Crm, IReadOnlyDictionary<string, object?> Desired);

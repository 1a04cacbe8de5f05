using CrmStateSync.Rules.Model;
using CrmStateSync.Sync.Engine;

namespace CrmStateSync.Demo;

/// <summary>What the demo prints: the cycle's counts, transitions by stage, state values, conflicts and API calls.</summary>
internal static class DemoReport
{
    public static void Write(TextWriter o, string crm, int accounts, CycleResult first, CycleResult second, string databasePath)
    {
        o.WriteLine($"CrmStateSync demo: {accounts} sandbox accounts through the real {crm} connector");
        o.WriteLine();
        o.WriteLine($"first cycle:  {first.Summary}");
        o.WriteLine($"second cycle: {second.Summary}");
        o.WriteLine();
        o.WriteLine("transitions by stage (first cycle):");
        foreach (var g in first.Accounts.SelectMany(a => a.Result.Stage.Transitions).GroupBy(t => t.To ?? "(none)").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            o.WriteLine($"  {g.Key,-14} {g.Count(),5}");
        }

        o.WriteLine("accounts by stage:");
        foreach (var g in first.Accounts.GroupBy(a => a.Result.Stage.Stage ?? "(no stage)").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            o.WriteLine($"  {g.Key,-14} {g.Count(),5}");
        }

        o.WriteLine("state values:");
        foreach (var state in CsStates.All)
        {
            var values = first.Accounts.GroupBy(a => a.Result.States[(int)state].Value).ToDictionary(g => g.Key, g => g.Count());
            o.WriteLine($"  {state.Label(),-30} Hit {values.GetValueOrDefault(StateValue.Hit),4}  Slipping {values.GetValueOrDefault(StateValue.Slipping),4}  Reset {values.GetValueOrDefault(StateValue.Reset),4}");
        }

        var diverging = first.Accounts.Count(a => a.Result.Divergence.Text.Length > 0);
        o.WriteLine($"divergence: {diverging} accounts where stage and states disagree");
        o.WriteLine($"conflicts logged: {first.Summary.Conflicts}; interventions raised: {first.Accounts.Sum(a => a.Result.Interventions.Count)}");
        o.WriteLine($"API calls: {first.Summary.ApiCalls + second.Summary.ApiCalls} in both cycles ({first.Summary.ApiCalls} + {second.Summary.ApiCalls}; the second cycle wrote {second.Summary.Written} records)");
        o.WriteLine();
        o.WriteLine($"SQLite state: {databasePath}");
    }
}

using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Sync.Ownership;
using CrmStateSync.Tests.EndToEnd;

namespace CrmStateSync.Tests.AdminConsole;

/// <summary>
/// What an admin opens the console for, made by real cycles against the sandbox (not seeded rows): a CSM moved Atlas
/// Freight to At-Risk by hand ("Budget freeze"), another set Steady Inc's Goal Clarity by hand under a Review policy (an
/// open conflict), and Typo Corp's goal review date holds "next tuesday" (a record kept aside: a problem of run 2).
/// </summary>
internal static class ConsoleScenario
{
    public const string OrgId = "e2e";
    public const string AtRisk = "Atlas Freight";
    public const string Conflicted = "Steady Inc";
    public const string KeptAside = "Typo Corp";
    public static readonly string ConflictField = ManagedField.State(CsState.GoalClarity);

    public static async Task<SyncScenario> StartAsync()
    {
        var ownership = new OwnershipOptions { States = OwnershipPolicy.Review };
        var s = await SyncScenario.StartAsync([E2e.Healthy(Conflicted), E2e.Healthy(AtRisk), E2e.Healthy(KeptAside)], new SyncOptions { Ownership = ownership });
        await s.CycleAsync();
        s.HumanEdit(AtRisk, (ManagedField.Stage, "At-Risk"), ("atRiskReason", "Budget freeze"));
        s.HumanEdit(Conflicted, (ConflictField, "Reset"));
        s.HumanEdit(KeptAside, ("goalReviewedOn", "next tuesday"));
        var second = await s.CycleAsync();
        // Two conflicts: the Review one left open, and the manual stage move the worker accepted.
        Assert.That((second.Summary.Outcome, second.Summary.Problems, second.Summary.Conflicts), Is.EqualTo(("partial", 1, 2)), second.Summary.ToString());
        return s;
    }

    /// <summary>The console over the scenario's store file, on the worker's clock.</summary>
    public static Task<ConsoleHarness> ServeAsync(SyncScenario s) => ConsoleHarness.ServeAsync(s.DatabasePath, OrgId, s.Crm, s.WorkerClock);
}

using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;
using CrmStateSync.Store;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Ports;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Tests.AdminConsole;

/// <summary>
/// Accounts for the console's account pages, written through the store's public API: <see cref="RiskId"/> is At-Risk
/// since 2026-10-02 by a CSM's manual move (the "why" the page must answer), with every managed value, a backfilled and
/// an automated transition before it, an open conflict, an open and a closed problem, an intervention task and what the
/// worker wrote; <see cref="ScriptId"/> is named like an attack; filler accounts make pages.
/// </summary>
internal static class AccountSeed
{
    public const string RiskId = "001RISK";
    public const string RiskName = "Northwind Traders";
    public const string ManualReason = "CSM: champion left, renewal in doubt";
    public const string StageReason = "At-Risk since 2026-10-02: moved by a CSM (manual)";
    public const string Divergence = "Hidden risk: Outcome Attribution Slipping";
    public const string ScriptId = "001XSS";
    public const string ScriptName = "<script>alert(1)</script>";
    public const string OpenProblemMessage = "goalReviewedOn: '31/02/2026' is not a date";
    public const string ClosedProblemMessage = "segment: 'Mid Market' is not a known value";
    public const string TaskId = "00T0000RISK";
    public const string TaskReason = "Outcome Attribution slipping for 45 days";

    /// <summary>Accounts Filler 000 … Filler (n-1), plus the named ones.</summary>
    public static Func<SqliteSyncStore, Task> With(int filler = 0) => async store =>
    {
        await RiskAsync(store);
        await AccountAsync(store, ScriptId, ScriptName, new() { ["stage"] = "Onboarding" });
        await AccountAsync(store, "001NORTH", "NORTHERN Lights", new() { ["stage"] = "Healthy" });
        await AccountAsync(store, "001SOUTH", "Southnorth Ltd", new() { ["stage"] = "Adopting" });
        for (var i = 0; i < filler; i++)
        {
            await AccountAsync(store, $"F{i:000}", $"Filler {i:000}", []);
        }
    };

    private static async Task RiskAsync(SqliteSyncStore store)
    {
        var text = new Dictionary<string, string?>
        {
            ["stage"] = "At-Risk", ["stageReason"] = StageReason, ["divergence"] = Divergence,
            ["stageEntryDate:New Customer"] = "2026-01-05", ["stageEntryDate:Onboarding"] = "2026-01-20", ["stageEntryDate:At-Risk"] = "2026-10-02",
            ["milestonesCompleted"] = "2", ["nextMilestone"] = "first_report", ["milestoneStalled"] = "true", ["milestoneStalledSince"] = "2026-09-01",
            ["milestone:first_project"] = "2026-02-01",
        };
        var values = new[] { "Hit", "Hit", "Slipping", "Reset", "Slipping", "Hit" };
        foreach (var (state, i) in CsStates.All.Select((s, i) => (s, i)))
        {
            text[ManagedField.State(state)] = values[i];
            text[ManagedField.StateVerified(state)] = $"2026-11-{10 + i:00}";
        }

        await AccountAsync(store, RiskId, RiskName, text);
        await store.AppendTransitionAsync(RiskId, new Transition(null, "New Customer", Day("2026-01-05"), StageSource.Backfill, "New Customer: contract started 2026-01-05"), default);
        await store.AppendTransitionAsync(RiskId, new Transition("New Customer", "Onboarding", Day("2026-01-20"), StageSource.Automated, "Onboarding: kickoff held 2026-01-20"), default);
        await store.AppendTransitionAsync(RiskId, new Transition("Onboarding", "At-Risk", Day("2026-10-02"), StageSource.Manual, ManualReason), default);
        await store.AddConflictAsync(new NewConflict(RiskId, "stage", "At-Risk", "Onboarding", ConflictAction.Open, "manual-move-validation", Day("2026-10-03")), default);
        var run = await store.StartRunAsync("sync", default);
        await store.AddProblemsAsync(
            [
                new NewProblem("Account", RiskId, "segment", "Mid Market", ClosedProblemMessage, ProblemKind.Unreadable, false),
                new NewProblem("Account", RiskId, "goalReviewedOn", "31/02/2026", OpenProblemMessage, ProblemKind.Unreadable, false),
            ],
            default);
        await store.FinishRunAsync(run, "ok", new RunCounts(1, 1, 1, 0, 1, 3), default);
        await store.TryReserveTaskAsync(new TaskReservation(RiskId, InterventionKind.OutcomeReview, null, TaskReason, Day("2026-12-01")), default);
        await store.SetTaskIdAsync(RiskId, InterventionKind.OutcomeReview, TaskId, default);
        var write = new AccountWrite(RiskId, new Dictionary<string, object?> { ["divergence"] = Divergence, ["state:outcomeAttribution"] = "Slipping" });
        var batch = await store.BeginBatchAsync([new JournalWrite(write)], default);
        await store.CompleteBatchAsync(batch, [WriteResult.Ok(RiskId)], default);
    }

    /// <summary>Closes the problem with <see cref="ClosedProblemMessage"/> (as a later cycle reading the value fine would).</summary>
    public static async Task CloseSegmentProblemAsync(string storePath)
    {
        await using var c = new SqliteConnection($"Data Source={storePath}");
        await c.OpenAsync();
        await using var update = c.CreateCommand();
        update.CommandText = "UPDATE problems SET closed_at = '2026-11-20T00:00:00.0000000Z' WHERE field = 'segment'";
        Assert.That(await update.ExecuteNonQueryAsync(), Is.EqualTo(1));
    }

    private static Task<bool> AccountAsync(SqliteSyncStore store, string id, string name, Dictionary<string, string?> managedText) =>
        store.UpsertAccountAsync(new AccountRecord(new AccountSnapshot { Id = id, Name = name, Segment = "SMB" }) { ManagedText = managedText }, DateTimeOffset.UnixEpoch, default);

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

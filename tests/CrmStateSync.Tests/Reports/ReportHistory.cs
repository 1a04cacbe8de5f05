using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;
using CrmStateSync.Store;
using Microsoft.Extensions.Time.Testing;

namespace CrmStateSync.Tests.Reports;

/// <summary>
/// A known history in a real SQLite file, written through the store's public API, with numbers worked out by hand
/// (as of 2026-06-30):
/// <code>
/// A1 SMB         NC 01-01 →(10) Onb 01-11 →(30) Adopting 02-10 →(30) Healthy 03-12 (open 110)   TTV 40
/// A2 SMB         NC 01-01 →(20) Onb 01-21 →(60) Adopting 03-22 (open 100: stuck)               TTV 80
/// A3 Enterprise  NC 02-01 →(4)  Onb 02-05 (open 145: stuck, worst)
/// A4 Enterprise  NC 03-01 →(30) Onb 03-31 →(31) At-Risk 05-01, a Manual move (open 60)
/// A5 Enterprise  NC 06-01 (open 29); its move to Onboarding on 07-05 is after the as-of date
/// A6 SMB         no stage
/// </code>
/// Five staged accounts, one per stage: 20% each, exactly at the red-flag threshold. 13 transitions up to as-of, one
/// Manual (7.7%); in the last 90 days (from 04-02) two, one Manual (50%).
/// </summary>
internal static class ReportHistory
{
    public const string OrgId = "00Dreports";
    public const string Tricky = "Acme <b> & \"Co\", Ltd";
    public static readonly DateOnly AsOf = new(2026, 6, 30);

    public static async Task WriteAsync(string path, bool extraOnboarding = false)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 29, 8, 0, 0, TimeSpan.Zero));
        await using var store = await SqliteSyncStore.OpenAsync(path, OrgId, "salesforce", time: clock);
        await Account(store, "A1", Tricky, "SMB", ("2026-01-01", "New Customer"), ("2026-01-11", "Onboarding"), ("2026-02-10", "Adopting"), ("2026-03-12", "Healthy"));
        await Account(store, "A2", "Beta", "SMB", ("2026-01-01", "New Customer"), ("2026-01-21", "Onboarding"), ("2026-03-22", "Adopting"));
        await Account(store, "A3", "Gamma", "Enterprise", ("2026-02-01", "New Customer"), ("2026-02-05", "Onboarding"));
        await Account(store, "A4", "Delta", "Enterprise", ("2026-03-01", "New Customer"), ("2026-03-31", "Onboarding"));
        await store.AppendTransitionAsync("A4", new Transition("Onboarding", "At-Risk", Day("2026-05-01"), StageSource.Manual, "CSM: champion left"), default);
        await Account(store, "A5", "Epsilon", "Enterprise", ("2026-06-01", "New Customer"), ("2026-07-05", "Onboarding"));
        await Account(store, "A6", "Zeta", "SMB");
        if (extraOnboarding)
        {
            await Account(store, "A7", "Eta", "SMB", ("2026-06-20", "New Customer"), ("2026-06-25", "Onboarding"));
        }

        await LastWrittenAsync(store);
        await RenewalsAsync(store);
        await RunsAsync(store, clock);
    }

    private static async Task Account(SqliteSyncStore store, string id, string name, string segment, params (string On, string To)[] path)
    {
        await store.UpsertAccountAsync(new AccountRecord(new AccountSnapshot { Id = id, Name = name, Segment = segment }), DateTimeOffset.UnixEpoch, default);
        var from = (string?)null;
        foreach (var (on, to) in path)
        {
            await store.AppendTransitionAsync(id, new Transition(from, to, Day(on), StageSource.Automated, $"{to} since {on}"), default);
            from = to;
        }
    }

    private static async Task LastWrittenAsync(SqliteSyncStore store)
    {
        var writes = new[]
        {
            Write("A1", "Hidden risk: Outcome Attribution Slipping", ("stageEntryDate:New Customer", "2026-01-01"), ("stageEntryDate:Adopting", "2026-02-10"), ("state:outcomeAttribution", "Slipping")),
            Write("A2", "Hidden risk: Goal Clarity Reset; Outcome Attribution Slipping", ("stageEntryDate:New Customer", "2026-01-01"), ("stageEntryDate:Adopting", "2026-03-22"), ("state:goalClarity", "Reset"), ("state:outcomeAttribution", "Slipping")),
            Write("A3", "Ahead of stage: Goal Clarity, Configured for Goals, Multi-Stakeholder Engagement Hit", ("state:dailyWorkIntegration", "Reset")),
            Write("A4", null),
            Write("A5", "Hidden risk: Outcome Attribution Slipping", ("state:outcomeAttribution", "Slipping")),
        };
        var batch = await store.BeginBatchAsync([.. writes.Select(w => new JournalWrite(w))], default);
        await store.CompleteBatchAsync(batch, [.. writes.Select(w => WriteResult.Ok(w.AccountId))], default);
    }

    private static AccountWrite Write(string id, string? divergence, params (string Field, string Value)[] values)
    {
        var fields = new Dictionary<string, object?> { ["divergence"] = divergence };
        foreach (var state in CsStates.All)
        {
            fields[ManagedField.State(state)] = "Hit";
        }

        foreach (var (field, value) in values)
        {
            fields[field] = value;
        }

        return new AccountWrite(id, fields);
    }

    /// <summary>A1 renews on 08-01 (32 days), A5 on 07-15 (15 days); A2's contract is open-ended (no renewal).</summary>
    private static async Task RenewalsAsync(SqliteSyncStore store)
    {
        foreach (var (account, end) in new[] { ("A1", (DateOnly?)Day("2026-08-01")), ("A2", null), ("A5", Day("2026-07-15")) })
        {
            var won = new Opportunity { Id = "O" + account, IsClosed = true, IsWon = true, CloseDate = Day("2026-01-01"), Type = OpportunityType.NewBusiness, ContractStart = Day("2026-01-01"), ContractEnd = end };
            await store.UpsertOpportunityAsync(new OpportunityRecord(account, won), DateTimeOffset.UnixEpoch, default);
        }
    }

    /// <summary>Three runs: ok (10 read, 5 evaluated, 3 written, 1 rejected, 2 conflicts, 7 calls), partial (4, 5, 0, 0, 0, 3), one never finished.</summary>
    private static async Task RunsAsync(SqliteSyncStore store, FakeTimeProvider clock)
    {
        var first = await store.StartRunAsync("sync", default);
        clock.Advance(TimeSpan.FromSeconds(12));
        await store.FinishRunAsync(first, "ok", new RunCounts(10, 5, 3, 1, 2, 7), default);
        clock.Advance(TimeSpan.FromMinutes(15));
        var second = await store.StartRunAsync("sync", default);
        clock.Advance(TimeSpan.FromSeconds(3));
        await store.FinishRunAsync(second, "partial", new RunCounts(4, 5, 0, 0, 0, 3), default);
        clock.Advance(TimeSpan.FromMinutes(15));
        await store.StartRunAsync("backfill", default);
    }

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The report input read back from the file, as the command reads it.</summary>
    public static async Task<ReportInputs> ReadAsync(string path)
    {
        await using var store = await SqliteSyncStore.OpenReadOnlyAsync(path);
        var data = await store.ReadReportDataAsync(default);
        var renewals = await CrmStateSync.Commands.ReportSource.RenewalsAsync(store, data, AsOf, default);
        return new ReportInputs(data, renewals);
    }
}

/// <summary>What <see cref="ReportHistory.ReadAsync"/> read: the store's data and the renewal dates of diverging accounts.</summary>
internal sealed record ReportInputs(ReportData Data, IReadOnlyDictionary<string, DateOnly> Renewals)
{
    public CrmStateSync.Reports.ReportInput At(DateOnly asOf, CrmStateSync.Reports.ReportStageModel? model = null) =>
        new(Data, asOf, model ?? CrmStateSync.Reports.ReportStageModel.Default, Renewals);
}

using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;

namespace CrmStateSync.Store.Tests;

/// <summary>The read side for reports: a read-only open of any store file and one read of what reports use.</summary>
public class ReportReadTests : StoreTestBase
{
    [Test]
    public async Task ReadReportData_AfterACycle_HoldsAccountsLastWrittenHistoryAndRuns()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001", "A & <B>"), Some.At(0), Ct);
        await store.AppendTransitionsAsync("001", [new Transition(null, "New Customer", Some.Day("2026-01-01"), StageSource.Automated, "won")], Ct);
        var batch = await store.BeginBatchAsync([new JournalWrite(new AccountWrite("001", new Dictionary<string, object?> { ["divergence"] = "Hidden risk: x", ["stageReason"] = "why" }))], Ct);
        await store.CompleteBatchAsync(batch, [WriteResult.Ok("001")], Ct);
        var run = await store.StartRunAsync("sync", Ct);
        await store.FinishRunAsync(run, "ok", new RunCounts(Read: 3, ApiCalls: 4), Ct);
        await CloseAsync(store);

        await using var reader = await SqliteSyncStore.OpenReadOnlyAsync(DbPath, Ct);
        var data = await reader.ReadReportDataAsync(Ct);

        Assert.Multiple(() =>
        {
            Assert.That((data.OrgId, data.Provider), Is.EqualTo((Org, Provider)));
            Assert.That(data.Accounts, Is.EqualTo(new[] { new ReportAccount("001", "A & <B>", "SMB") }));
            Assert.That(data.LastWritten["001"]["divergence"], Is.EqualTo("Hidden risk: x"));
            Assert.That(data.LastWritten["001"].ContainsKey("stageReason"), Is.False, "only the fields reports read");
            Assert.That(data.Transitions.Single().To, Is.EqualTo("New Customer"));
            Assert.That(data.Runs.Single().Counts, Is.EqualTo(new RunCounts(Read: 3, ApiCalls: 4)));
        });
    }

    [Test(Description = "Reports at scale: states are read only for diverging accounts, entry dates only of the stages asked for, transitions without their reasons")]
    public async Task ReadReportData_EntryStagesGiven_ReadsOnlyWhatReportsShow()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001", "Diverging"), Some.At(0), Ct);
        await store.UpsertAccountAsync(Some.Account("002", "Aligned"), Some.At(0), Ct);
        await store.AppendTransitionsAsync("001", [new Transition(null, "New Customer", Some.Day("2026-01-01"), StageSource.Automated, "won deal 006A")], Ct);
        Dictionary<string, object?> Fields(string divergence) => new()
        {
            ["divergence"] = divergence, ["state:goalClarity"] = "Reset", ["stageEntryDate:New Customer"] = "2026-01-01",
            ["stageEntryDate:Healthy"] = "2026-03-01", ["stageEntryDate:Onboarding"] = "2026-01-08",
        };
        var batch = await store.BeginBatchAsync(
            [new JournalWrite(new AccountWrite("001", Fields("Hidden risk: Goal Clarity Reset"))), new JournalWrite(new AccountWrite("002", Fields("")))], Ct);
        await store.CompleteBatchAsync(batch, [WriteResult.Ok("001"), WriteResult.Ok("002")], Ct);
        await CloseAsync(store);

        await using var reader = await SqliteSyncStore.OpenReadOnlyAsync(DbPath, Ct);
        var data = await reader.ReadReportDataAsync(Ct, ["New Customer", "Healthy"]);

        Assert.Multiple(() =>
        {
            Assert.That(data.Accounts.Select(a => (a.Id, a.Name, a.Segment)), Is.EqualTo(new[] { ("001", "Diverging", "SMB"), ("002", "Aligned", "SMB") }));
            Assert.That(data.LastWritten["001"].Keys, Is.EquivalentTo(new[] { "divergence", "state:goalClarity", "stageEntryDate:New Customer", "stageEntryDate:Healthy" }));
            Assert.That(data.LastWritten["002"].Keys, Is.EquivalentTo(new[] { "divergence", "stageEntryDate:New Customer", "stageEntryDate:Healthy" }), "no states of an account that does not diverge");
            Assert.That(data.Transitions.Single().Reason, Is.Empty, "no report shows a transition's reason");
            Assert.That(data.Transitions.Single().On, Is.EqualTo(Some.Day("2026-01-01")));
        });
    }

    [Test]
    public async Task OpenReadOnly_AnotherOrgsFile_OpensWithThatOrgAndChangesNothing()
    {
        await CloseAsync(await OpenAsync(org: "demo"));
        var before = File.GetLastWriteTimeUtc(DbPath);

        await using var reader = await SqliteSyncStore.OpenReadOnlyAsync(DbPath, Ct);
        var data = await reader.ReadReportDataAsync(Ct);

        Assert.Multiple(() =>
        {
            Assert.That(reader.OrgId, Is.EqualTo("demo"));
            Assert.That(data.Accounts.Count + data.Transitions.Count + data.Runs.Count + data.LastWritten.Count, Is.Zero);
            Assert.That(File.GetLastWriteTimeUtc(DbPath), Is.EqualTo(before));
        });
    }

    [Test]
    public void OpenReadOnly_NotAStoreFile_IsAMismatch()
    {
        using (var raw = Raw())
        {
            using var command = raw.CreateCommand();
            command.CommandText = "CREATE TABLE other (x INTEGER)";
            command.ExecuteNonQuery();
        }

        Assert.That(async () => await SqliteSyncStore.OpenReadOnlyAsync(DbPath, Ct), Throws.TypeOf<StoreMismatchException>().With.Message.Contains("not a CrmStateSync store"));
    }

    [Test]
    public async Task OpenReadOnly_NewerSchema_IsAMismatch()
    {
        await CloseAsync(await OpenAsync());
        using (var raw = Raw())
        {
            using var command = raw.CreateCommand();
            command.CommandText = "UPDATE schema_info SET version = 99";
            command.ExecuteNonQuery();
        }

        Assert.That(async () => await SqliteSyncStore.OpenReadOnlyAsync(DbPath, Ct), Throws.TypeOf<StoreMismatchException>().With.Message.Contains("newer"));
    }
}

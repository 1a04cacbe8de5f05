using CrmStateSync.Crm.Contract;
using CrmStateSync.Store.ReadModel;
using CrmStateSync.Sync.Diff;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store.Tests.ReadModel;

/// <summary>
/// What the console's run and conflict pages read: a run's calls by kind as stored, its refused writes by the run that
/// journaled their batch (or, for batches from before the column, by time), and conflict filters that SQLite answers
/// through an index (EXPLAIN QUERY PLAN), never by walking the log when an index can say it.
/// </summary>
public class ConsoleReadTests : StoreTestBase
{
    private static readonly AccountWrite Stage = new("001", new Dictionary<string, object?> { ["stage"] = "Adopting" });

    [Test]
    public async Task FinishRun_WithCallsByKind_StoresThemAsJsonAndNoneAsNull()
    {
        var store = await OpenAsync();
        var counted = await store.StartRunAsync("sync", Ct);
        await store.FinishRunAsync(counted, "ok", new RunCounts(ApiCalls: 4) { CallsByKind = new Dictionary<string, long> { ["query"] = 3, ["token"] = 1 } }, Ct);
        var uncounted = await store.StartRunAsync("sync", Ct);
        await store.FinishRunAsync(uncounted, "ok", new RunCounts(ApiCalls: 2), Ct);

        var reader = new StoreReader(DbPath);
        var first = await reader.RunAsync(counted, Ct);
        var second = await reader.RunAsync(uncounted, Ct);

        Assert.That(first!.CallsJson, Is.EqualTo("{\"query\":3,\"token\":1}"));
        Assert.That(RunCalls.ByKind(first), Is.EqualTo(new[] { KeyValuePair.Create("query", 3L), KeyValuePair.Create("token", 1L) }));
        Assert.That(second!.CallsJson, Is.Null);
        Assert.That(RunCalls.ByKind(second), Is.Empty);
        Assert.That(await reader.RunAsync(99, Ct), Is.Null);
    }

    [Test]
    public async Task BeginBatch_StampsTheRunInProgressAndNoneOutsideARun()
    {
        var store = await OpenAsync();
        var outside = await store.BeginBatchAsync([new JournalWrite(Stage)], Ct);
        var run = await store.StartRunAsync("sync", Ct);
        var inside = await store.BeginBatchAsync([new JournalWrite(Stage)], Ct);

        Assert.That(Scalar($"SELECT run_id IS NULL FROM write_batches WHERE id = {outside}"), Is.EqualTo(1));
        Assert.That(Scalar($"SELECT run_id FROM write_batches WHERE id = {inside}"), Is.EqualTo(run));
    }

    [Test]
    public async Task RunRejectedWrites_ByStampedRun_EvenWhenTwoRunsStartedAtTheSameInstant()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var store = await OpenAsync(time: clock);
        var first = await store.StartRunAsync("sync", Ct);
        await RefuseAsync(store, "001", "FIRST");
        var second = await store.StartRunAsync("sync", Ct);
        await RefuseAsync(store, "002", "SECOND");

        var reader = new StoreReader(DbPath);
        var ofFirst = await reader.RunRejectedWritesAsync(first, null, 100, Ct);
        var ofSecond = await reader.RunRejectedWritesAsync(second, null, 100, Ct);

        Assert.That(ofFirst.Items.Select(w => (w.AccountId, w.ErrorCode)), Is.EqualTo(new[] { ("001", (string?)"FIRST") }));
        Assert.That(ofSecond.Items.Select(w => (w.AccountId, w.ErrorCode)), Is.EqualTo(new[] { ("002", (string?)"SECOND") }));
        Assert.That(ofFirst.Items[0].Errors.Single().Fields, Is.EqualTo(new[] { "Stage__c" }));
    }

    [Test]
    public async Task RunRejectedWrites_BatchFromBeforeTheColumn_IsTheRunsThatWasGoingWhenTheCrmAnswered()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var store = await OpenAsync(time: clock);
        var first = await store.StartRunAsync("sync", Ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        await RefuseAsync(store, "001", "OLD");
        clock.Advance(TimeSpan.FromMinutes(10));
        var second = await store.StartRunAsync("sync", Ct);
        // As a file migrated to version 9 holds its earlier batches: no run named.
        using (var raw = Raw())
        using (var command = raw.CreateCommand())
        {
            command.CommandText = "UPDATE write_batches SET run_id = NULL";
            command.ExecuteNonQuery();
        }

        var reader = new StoreReader(DbPath);

        Assert.That((await reader.RunRejectedWritesAsync(first, null, 100, Ct)).Items.Select(w => w.ErrorCode), Is.EqualTo(new[] { "OLD" }));
        Assert.That((await reader.RunRejectedWritesAsync(second, null, 100, Ct)).Items, Is.Empty);
    }

    [TestCase(true, null, null, false, "ix_conflicts_open", TestName = "Open: the partial index")]
    [TestCase(false, "stage", null, false, "ix_conflicts_field", TestName = "Field: the field's index")]
    [TestCase(false, null, "Acme", false, "ix_conflicts_account", TestName = "Account: the account's index, by id and by name")]
    [TestCase(true, "stage", null, false, "ix_conflicts_field", TestName = "Open and field: the field's index")]
    [TestCase(false, "stage", "Acme", false, "ix_conflicts_account", TestName = "Field and account: the account's few, not the field's many")]
    [TestCase(true, "stage", "Acme", true, "ix_conflicts_account", TestName = "Every filter: the account's index")]
    [TestCase(true, null, null, true, "ix_conflicts_open", TestName = "Open and since: the partial index")]
    [TestCase(false, "stage", null, true, "ix_conflicts_field", TestName = "Field and since: the field's index")]
    public async Task Conflicts_Filter_IsAnsweredThroughItsIndex(bool open, string? field, string? account, bool since, string index)
    {
        await OpenAsync();
        var filter = new ConflictQuery(open, field, account, since ? new DateOnly(2026, 11, 1) : null);

        foreach (var before in new long?[] { null, 1000 })
        {
            var plan = Plan(StoreReader.ConflictsSql(filter, before));
            Assert.That(plan, Has.Some.Contains($"USING INDEX {index}").Or.Some.Contains($"USING COVERING INDEX {index}"), string.Join(" | ", plan));
            Assert.That(plan, Has.None.EqualTo("SCAN c"), "no walk of the whole log: " + string.Join(" | ", plan));
        }

        if (account is not null)
        {
            Assert.That(Plan(StoreReader.ConflictsSql(filter, null)), Has.Some.Contains("USING INDEX ix_accounts_name"), "the name is looked up through its index");
        }
    }

    [Test]
    public async Task Conflicts_NoFilterOrOnlySince_WalkTheLogNewestFirstAndStopAtThePage()
    {
        await OpenAsync();

        // Documented, not wished away: newest first with a LIMIT, SQLite walks the log by id from the newest and stops
        // once a page is found (a since filter matches the newest conflicts first); sorting the date index's matches would cost more.
        Assert.That(Plan(StoreReader.ConflictsSql(new ConflictQuery(), null)), Has.Some.EqualTo("SCAN c"));
        Assert.That(Plan(StoreReader.ConflictsSql(new ConflictQuery(), 1000)), Has.Some.Contains("SEARCH c USING INTEGER PRIMARY KEY (rowid<?)"));
        Assert.That(Plan(StoreReader.ConflictsSql(new ConflictQuery(Since: new DateOnly(2026, 11, 1)), null)), Has.None.Contains("TEMP B-TREE"));
    }

    [Test]
    public async Task ConflictsAndFields_ReadTheLogNewestFirstWithTheAccountsName()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(new AccountRecord(new Rules.Model.AccountSnapshot { Id = "001", Name = "Acme Corp" }), DateTimeOffset.UnixEpoch, Ct);
        await store.AddConflictAsync(new NewConflict("001", "stage", "A", "B", ConflictAction.Open, "r", new DateOnly(2026, 11, 1)), Ct);
        await store.AddConflictAsync(new NewConflict("002", "divergence", "A", "B", ConflictAction.Reverted, "r", new DateOnly(2026, 11, 2)), Ct);
        await store.AddConflictAsync(new NewConflict("001", "stage", "A", "B", ConflictAction.Accepted, "r", new DateOnly(2026, 11, 3)), Ct);
        var reader = new StoreReader(DbPath);

        var byName = await reader.ConflictsAsync(new ConflictQuery(Field: " ", Account: "  ACME corp "), null, 1, Ct);
        var fields = await reader.ConflictFieldsAsync(Ct);
        var one = await reader.ConflictAsync(1, Ct);

        Assert.That(byName.Items.Select(c => c.Id), Is.EqualTo(new[] { 3L }));
        Assert.That(byName.HasMore, Is.True);
        Assert.That(fields, Is.EqualTo(new[] { "divergence", "stage" }));
        Assert.That((one!.AccountName, one.IsOpen), Is.EqualTo(("Acme Corp", true)));
    }

    private static async Task RefuseAsync(SqliteSyncStore store, string accountId, string code)
    {
        var batch = await store.BeginBatchAsync([new JournalWrite(Stage with { AccountId = accountId })], Ct);
        await store.CompleteBatchAsync(batch, [WriteResult.Failed(accountId, false, new CrmError(code, "refused", ["Stage__c"]))], Ct);
    }

    private List<string> Plan(string sql)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "@Field", "@Account", "@Since", "@Before", "@Limit" })
        {
            command.Parameters.Add(new SqliteParameter(name, "x"));
        }

        var plan = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}

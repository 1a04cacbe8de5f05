using CrmStateSync.Crm.Contract;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Store.Tests;

/// <summary>
/// sync.md "No record stops a cycle" in the store: a record kept aside is reported under the run that met it, stays out
/// of the evaluation, and its problem is closed when it is read back fine (or its account arrives).
/// </summary>
public class ProblemTests : StoreTestBase
{
    [Test(Description = "No record stops a cycle: a contact's bad copy is kept aside (its last good copy stays with its account) and stored as an open problem of the run; read back fine, the problem closes")]
    public async Task ApplyContacts_KeptAsideThenFixed_ProblemStoredPerRunThenClosed()
    {
        var store = await OpenAsync();
        await store.StartRunAsync("sync", Ct);
        await store.ApplyAccountsAsync([Upsert("001", Some.Account("001"))], Ct);
        await store.ApplyContactsAsync([Upsert("C1", Some.Contact("C1", "001"))], Ct);
        await store.ApplyContactsAsync([KeptAside("C2", Some.Contact("C2", ""), "AccountId", null)], Ct);
        await store.ClearDirtyAsync(["001"], Ct);

        var bad = await store.StartRunAsync("sync", Ct);
        await store.ApplyContactsAsync([KeptAside("C1", Some.Contact("C1", ""), "AccountId", null, 3)], Ct);
        var cached = await store.LoadSnapshotAsync("001", Ct);
        var dirtyAfterBad = await store.DirtyAccountsAsync(Ct);
        var fixedRun = await store.StartRunAsync("sync", Ct);
        await store.ApplyContactsAsync([Upsert("C1", Some.Contact("C1", "001"), 5)], Ct);

        var problems = await store.ListProblemsAsync(new ProblemFilter(bad), Ct);
        Assert.Multiple(() =>
        {
            Assert.That(cached!.Contacts.Select(c => c.Id), Is.EqualTo(new[] { "C1" }), "the last good copy stays; a contact never read fine is not cached");
            Assert.That(dirtyAfterBad, Is.Empty, "nothing the account reads changed");
            Assert.That(problems.Select(p => (p.RunId, p.ObjectName, p.RecordId, p.Field, p.Value, p.Kind, p.KeptAside)),
                Is.EqualTo(new[] { ((long?)bad, "Contact", "C1", "AccountId", (string?)null, ProblemKind.Unreadable, true) }));
            Assert.That(problems.Single().IsOpen, Is.False, "closed once read back fine");
            Assert.That(Scalar("SELECT closed_run_id FROM problems WHERE record_id = 'C1'"), Is.EqualTo(fixedRun));
            Assert.That(Scalar("SELECT count(*) FROM problems WHERE record_id = 'C2' AND closed_at IS NULL"), Is.EqualTo(1));
        });
    }

    [Test(Description = "No record stops a cycle: an account with a bad input field is cached but kept out of the evaluation until read back fine")]
    public async Task ApplyAccounts_KeptAside_CachedButNotEvaluatedUntilFixed()
    {
        var store = await OpenAsync();
        var port = new SyncStorePort(store);
        await store.StartRunAsync("sync", Ct);
        await store.ApplyAccountsAsync([KeptAside("001", Some.Account("001"), "OwnerId", "dana"), Upsert("002", Some.Account("002"))], Ct);

        var heldChanged = await AccountSelection.ChangedAsync(port, Ct);
        var heldAll = await AccountSelection.AllAsync(port, Ct);
        await store.StartRunAsync("sync", Ct);
        await store.ApplyAccountsAsync([Upsert("001", Some.Account("001", "Fixed"), 5)], Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Scalar("SELECT count(*) FROM accounts"), Is.EqualTo(2), "cached, so its children attach");
            Assert.That(heldChanged, Is.EqualTo(new[] { "002" }));
            Assert.That(heldAll, Is.EqualTo(new[] { "002" }));
            Assert.That(await AccountSelection.ChangedAsync(port, Ct), Is.EqualTo(new[] { "001", "002" }));
            Assert.That(await store.ListProblemsAsync(new ProblemFilter(OpenOnly: true), Ct), Is.Empty);
        }
    }

    [Test(Description = "No record stops a cycle: the same bad record read again in a later run is not reported twice while it stays open")]
    public async Task ApplyContacts_SameProblemReadTwice_OneOpenProblem()
    {
        var store = await OpenAsync();
        await store.StartRunAsync("sync", Ct);
        await store.ApplyContactsAsync([KeptAside("C1", Some.Contact("C1", ""), "AccountId", null)], Ct);
        await store.StartRunAsync("sync", Ct);
        await store.ApplyContactsAsync([KeptAside("C1", Some.Contact("C1", ""), "AccountId", null, 5)], Ct);

        Assert.That(await store.ListProblemsAsync(new ProblemFilter(OpenOnly: true), Ct), Has.Count.EqualTo(1));
    }

    [Test(Description = "No record stops a cycle: unknown account = not in the cache once the pull is applied; picked up when the account arrives")]
    public async Task ReviewPull_ChildrenOfAnUnknownAccount_OpenUntilTheAccountArrives()
    {
        var store = await OpenAsync();
        var port = new SyncStorePort(store);
        var first = await store.StartRunAsync("sync", Ct);
        await store.ApplyAccountsAsync([Upsert("001", Some.Account("001"))], Ct);
        await store.ApplyOpportunitiesAsync([Upsert("O1", Some.Opportunity("O1", "001")), Upsert("O2", Some.Opportunity("O2", "404"))], Ct);
        await store.ApplyContactsAsync([Upsert("C2", Some.Contact("C2", "404"))], Ct);
        await store.ApplyUsageAsync([Upsert("U2", Some.Usage("U2", "404", Some.Day("2026-03-01")))], Ct);
        var found = await store.ReviewPullAsync(Ct);
        await store.StartRunAsync("sync", Ct);
        var again = await store.ReviewPullAsync(Ct);
        await store.ClearDirtyAsync(["001", "404"], Ct);
        await store.StartRunAsync("sync", Ct);
        await store.ApplyAccountsAsync([Upsert("404", Some.Account("404"))], Ct);
        await store.ReviewPullAsync(Ct);

        var problems = await store.ListProblemsAsync(new ProblemFilter(first), Ct);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Is.EqualTo(new PullReview(3, 0)));
            Assert.That(again, Is.EqualTo(new PullReview(0, 0)), "still open, not reported again");
            Assert.That(problems.Select(p => (p.ObjectName, p.RecordId, p.Value, p.Kind)), Is.EquivalentTo(new[]
            {
                ("Opportunity", "O2", (string?)"404", ProblemKind.UnknownAccount), ("Contact", "C2", "404", ProblemKind.UnknownAccount), ("Usage", "U2", "404", ProblemKind.UnknownAccount),
            }));
            Assert.That(problems.Select(p => p.IsOpen), Is.All.False, "closed: the account arrived");
            Assert.That(await AccountSelection.ChangedAsync(port, Ct), Is.EqualTo(new[] { "404" }), "the account is evaluated with its children");
            Assert.That((await store.LoadSnapshotAsync("404", Ct))!.Opportunities, Has.Count.EqualTo(1));
            Assert.That((await store.LoadSnapshotAsync("404", Ct))!.Usage, Has.Count.EqualTo(1));
        }
    }

    [Test(Description = "Problems an admin can read: a write the CRM refused is listed with its code and message, open until a later write lands")]
    public async Task ListProblems_RejectedWrite_OpenWithCodeUntilALaterWriteLands()
    {
        var store = await OpenAsync();
        var run = await store.StartRunAsync("sync", Ct);
        var batch = await store.BeginBatchAsync([new JournalWrite(new AccountWrite("001", new Dictionary<string, object?> { ["stage"] = "Adopting" }))], Ct);
        await store.CompleteBatchAsync(batch, [WriteResult.Failed("001", false, new CrmError("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Stage locked", ["Customer_Lifecycle_Stage__c"]))], Ct);
        var open = await store.ListProblemsAsync(new ProblemFilter(run, OpenOnly: true), Ct);
        var next = await store.BeginBatchAsync([new JournalWrite(new AccountWrite("001", new Dictionary<string, object?> { ["stage"] = "Adopting" }))], Ct);
        await store.CompleteBatchAsync(next, [WriteResult.Ok("001")], Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(open.Select(p => (p.RunId, p.ObjectName, p.RecordId, p.Field, p.Kind, p.Message)),
                Is.EqualTo(new[] { ((long?)run, "Account", "001", "Customer_Lifecycle_Stage__c", ProblemKind.Rejected, "FIELD_CUSTOM_VALIDATION_EXCEPTION: Stage locked") }));
            Assert.That(await store.ListProblemsAsync(new ProblemFilter(OpenOnly: true), Ct), Is.Empty, "closed once a later write landed");
            Assert.That(await store.ListProblemsAsync(new ProblemFilter(run), Ct), Has.Count.EqualTo(1));
        }
    }

    [Test(Description = "No record stops a cycle: outside a run (a dry run) problems are neither recorded nor closed")]
    public async Task ApplyContacts_OutsideARun_NothingRecorded()
    {
        var store = await OpenAsync();

        await store.ApplyContactsAsync([KeptAside("C1", Some.Contact("C1", ""), "AccountId", null)], Ct);

        Assert.That(await store.ListProblemsAsync(new ProblemFilter(), Ct), Is.Empty);
    }

    [Test(Description = "Problems an admin can read: an account that failed to evaluate is a problem of the run, not kept aside")]
    public async Task AddProblems_EvaluationFailed_StoredAsFailed()
    {
        var store = await OpenAsync();
        var port = new SyncStorePort(store);
        var run = await store.StartRunAsync("sync", Ct);

        await port.AddProblemsAsync([new RecordProblem(CrmObject.Account, "001", RecordProblem.Evaluation, null, "could not be evaluated: boom", false)], Ct);

        var p = (await store.ListProblemsAsync(new ProblemFilter(run), Ct)).Single();
        Assert.That((p.RecordId, p.Field, p.Kind, p.KeptAside, p.IsOpen), Is.EqualTo(("001", "(evaluation)", ProblemKind.Failed, false, true)));
    }

    [Test(Description = "No record stops a cycle: an exception while caching one record is that record's problem; the rest of the run is cached")]
    public async Task ApplyUsage_OneRowCannotBeCached_ProblemAndTheRestCached()
    {
        var store = await OpenAsync();
        var run = await store.StartRunAsync("sync", Ct);
        await store.ApplyAccountsAsync([Upsert("001", Some.Account("001"))], Ct);
        var poison = Some.Usage("U1", "001", Some.Day("2026-03-01"), projects: double.NaN);

        await store.ApplyUsageAsync([Upsert("U1", poison), Upsert("U2", Some.Usage("U2", "001", Some.Day("2026-03-02")))], Ct);

        var review = await store.ReviewPullAsync(Ct);
        var p = (await store.ListProblemsAsync(new ProblemFilter(run), Ct)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(Scalar("SELECT count(*) FROM usage"), Is.EqualTo(1));
            Assert.That((p.ObjectName, p.RecordId, p.Field, p.Kind, p.IsOpen), Is.EqualTo(("Usage", "U1", "(record)", ProblemKind.Failed, true)));
            Assert.That(review.CacheFailures, Is.EqualTo(1), "counted in the run's problems");
        });
    }

    [Test(Description = "Problems an admin can read: a file from before the problems table, opened read-only (not migrated), lists its refused writes; reports still read its runs")]
    public async Task OpenReadOnly_FileFromSchemaSix_ListsRefusedWritesAndReportsReadRuns()
    {
        var store = await OpenAsync();
        var run = await store.StartRunAsync("sync", Ct);
        var batch = await store.BeginBatchAsync([new JournalWrite(new AccountWrite("001", new Dictionary<string, object?> { ["stage"] = "Adopting" }))], Ct);
        await store.CompleteBatchAsync(batch, [WriteResult.Failed("001", false, new CrmError("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "bad value", []))], Ct);
        await store.FinishRunAsync(run, "partial", new RunCounts(Rejected: 1), Ct);
        await CloseAsync(store);
        using (var c = Raw())
        {
            using var downgrade = c.CreateCommand();
            downgrade.CommandText = "DROP TABLE problems; ALTER TABLE runs DROP COLUMN problems; UPDATE schema_info SET version = 6;";
            downgrade.ExecuteNonQuery();
        }

        await using var old = await SqliteSyncStore.OpenReadOnlyAsync(DbPath, Ct);
        var problems = await old.ListProblemsAsync(new ProblemFilter(), Ct);
        var data = await old.ReadReportDataAsync(Ct);

        Assert.That(problems.Select(p => (p.RecordId, p.Field, p.Kind, p.Message)), Is.EqualTo(new[] { ("001", "stage", ProblemKind.Rejected, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: bad value") }));
        Assert.That(data.Runs, Has.Count.EqualTo(1));
    }

    private static CrmChange<T> Upsert<T>(string id, T record, int minutes = 1) where T : class => new(id, Some.At(minutes), record, false, []);

    private static CrmChange<T> KeptAside<T>(string id, T record, string field, string? value, int minutes = 2) where T : class =>
        new(id, Some.At(minutes), record, false, [new FieldProblem(id, field, value, "is wrong")]) { KeptAside = true };
}

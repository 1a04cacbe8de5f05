using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Store;
using CrmStateSync.Tests.Reports;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Commands;

/// <summary>
/// <c>problems list</c> ("Problems an admin can read"): a run's problems — unreadable values, records kept aside,
/// refused writes with the CRM's code and message — from a real SQLite file, as a table, CSV or JSON, by run, open only.
/// </summary>
public class ProblemsCommandTests
{
    private TempFolder _folder = null!;
    private string _database = null!;
    private long _run1;
    private long _run2;

    [SetUp]
    public async Task SeedAsync()
    {
        _folder = new TempFolder();
        _database = Path.Combine(_folder.Path, "state.db");
        await using var store = await SqliteSyncStore.OpenAsync(_database, "00Dproblems", "salesforce");
        _run1 = await store.StartRunAsync("sync", default);
        await store.ApplyContactsAsync([KeptAside("003000000000001AAA", "AccountId", null, "is empty, \"private\"")], default);
        await store.ApplyContactsAsync([KeptAside("003000000000002AAA", "CS_Stakeholder_Role__c", "Sponsor", "is not a known stakeholderRole value")], default);
        await store.FinishRunAsync(_run1, "partial", new RunCounts(Problems: 2), default);
        _run2 = await store.StartRunAsync("sync", default);
        await store.ApplyContactsAsync([Fine("003000000000002AAA")], default);
        var batch = await store.BeginBatchAsync([new JournalWrite(new AccountWrite("001000000000001AAA", new Dictionary<string, object?> { ["stage"] = "Adopting" }))], default);
        await store.CompleteBatchAsync(batch, [WriteResult.Failed("001000000000001AAA", false, new CrmError("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Stage is locked", ["Customer_Lifecycle_Stage__c"]))], default);
        await store.FinishRunAsync(_run2, "partial", new RunCounts(Rejected: 1), default);
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private CommandRun Problems(params string[] args) => CommandRun.Of(["problems", "list", "--database", _database, .. args]);

    [Test(Description = "Problems an admin can read: the table names run, object, record, field, value, problem, handling and status")]
    public void List_Table_EveryProblemWithRecordFieldValueAndStatus()
    {
        var run = Problems();

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.Output, Does.StartWith("run  detected"));
            Assert.That(run.Output, Does.Contain("003000000000001AAA").And.Contain("AccountId").And.Contain("(empty)").And.Contain("kept aside"));
            Assert.That(run.Output, Does.Contain("CS_Stakeholder_Role__c").And.Contain("Sponsor").And.Contain("closed"));
            Assert.That(run.Output, Does.Contain("FIELD_CUSTOM_VALIDATION_EXCEPTION: Stage is locked").And.Contain("refused write"));
            Assert.That(run.Output, Does.Contain("3 problem(s), 2 open"));
        });
    }

    [TestCase(new[] { "--open" }, new[] { "003000000000001AAA", "001000000000001AAA" }, TestName = "List_Open_OnlyRecordsStillKeptAsideAndWritesNotLanded")]
    [TestCase(new[] { "--run", "1" }, new[] { "003000000000001AAA", "003000000000002AAA" }, TestName = "List_Run_OnlyTheProblemsMetInThatRun")]
    [TestCase(new[] { "--run", "2", "--open" }, new[] { "001000000000001AAA" }, TestName = "List_RunAndOpen_FiltersCombine")]
    public void List_Filters_SelectTheProblems(string[] filters, string[] records)
    {
        var run = Problems([.. filters, "--format", "json"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(run.Json().GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("record").GetString()), Is.EqualTo(records));
    }

    [Test(Description = "Problems an admin can read: JSON carries every field of a problem")]
    public void List_Json_CarriesEveryField()
    {
        var p = Problems("--format", "json").Json().GetProperty("problems")[0];

        Assert.Multiple(() =>
        {
            Assert.That(p.GetProperty("run").GetInt64(), Is.EqualTo(_run1));
            Assert.That(p.GetProperty("object").GetString(), Is.EqualTo("Contact"));
            Assert.That(p.GetProperty("field").GetString(), Is.EqualTo("AccountId"));
            Assert.That(p.GetProperty("value").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(p.GetProperty("problem").GetString(), Is.EqualTo("is empty, \"private\""));
            Assert.That(p.GetProperty("kind").GetString(), Is.EqualTo("Unreadable"));
            Assert.That(p.GetProperty("keptAside").GetBoolean(), Is.True);
            Assert.That(p.GetProperty("open").GetBoolean(), Is.True);
        });
    }

    [Test(Description = "Problems an admin can read: CSV is RFC 4180 with a header row")]
    public void List_Csv_Rfc4180WithHeader()
    {
        var rows = Rfc4180.Parse(Problems("--format", "csv").Output);

        Assert.Multiple(() =>
        {
            Assert.That(rows[0], Is.EqualTo(new[] { "id", "run", "detected_at", "object", "record", "field", "value", "problem", "kind", "kept_aside", "open", "closed_at" }));
            Assert.That(rows, Has.Count.EqualTo(4));
            Assert.That(rows[1][7], Is.EqualTo("is empty, \"private\""), "a comma and quotes survive");
            Assert.That(rows[3][8], Is.EqualTo("Rejected"));
        });
    }

    [Test]
    public void List_MissingDatabase_SaysWhichFile()
    {
        var missing = Path.Combine(_folder.Path, "none.db");

        var run = CommandRun.Of("problems", "list", "--database", missing);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
        Assert.That(run.Error, Does.Contain(missing));
    }

    private static CrmChange<ContactRecord> KeptAside(string id, string field, string? value, string message) =>
        new(id, DateTimeOffset.UnixEpoch, null, false, [new FieldProblem(id, field, value, message)]) { KeptAside = true };

    private static CrmChange<ContactRecord> Fine(string id) =>
        new(id, DateTimeOffset.UnixEpoch.AddDays(1), new ContactRecord("001000000000001AAA", new Rules.Model.Contact { Id = id }), false, []);
}

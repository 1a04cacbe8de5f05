using System.Text.Json;
using CrmStateSync.Store;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Commands;

/// <summary><c>conflicts list|show|resolve</c> over a real SQLite file, with only the Worker section configured.</summary>
public partial class ConflictsCommandTests
{
    private const string OrgId = "00Dconflicts";
    private const string Quoted = "Says \"hi\", then left";

    private TempFolder _folder = null!;
    private string _config = null!;
    private string _database = null!;

    [SetUp]
    public async Task SeedAsync()
    {
        _folder = new TempFolder();
        _database = Path.Combine(_folder.Path, "state.db");
        _config = _folder.Write("appsettings.json", JsonSerializer.Serialize(new
        {
            Worker = new { Provider = "salesforce", OrgId, DatabasePath = _database },
        }));
        await using var store = await SqliteSyncStore.OpenAsync(_database, OrgId, "salesforce");
        await store.AddConflictAsync(Conflict("001A", "lifecycle_state", "Churned", "Active", ConflictAction.Open, 2026, 11, 1), default);
        await store.AddConflictAsync(Conflict("001B", "stage", "Onboarding", "Adoption", ConflictAction.Reverted, 2026, 11, 10), default);
        await store.AddConflictAsync(Conflict("001A", "health_note", Quoted, "ok", ConflictAction.Open, 2026, 11, 20), default);
        await store.AddConflictAsync(Conflict("001C", "entry_date", "2026-01-02", "2026-02-03", ConflictAction.Accepted, 2026, 11, 22), default);
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private static NewConflict Conflict(string account, string field, string crm, string engine, ConflictAction action, int y, int m, int d) =>
        new(account, field, crm, engine, action, $"{action} rule", new DateOnly(y, m, d));

    private CommandRun Conflicts(params string[] args) => CommandRun.Of([.. args.Prepend("conflicts"), "--config", _config]);

    private static long[] Ids(CommandRun run) =>
        [.. run.Json().GetProperty("conflicts").EnumerateArray().Select(c => c.GetProperty("id").GetInt64())];

    [Test]
    public void List_NoFilter_PrintsEveryConflictAsATable()
    {
        var run = Conflicts("list");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.Output, Does.StartWith("id  detected on  account  field"));
            Assert.That(run.Output, Does.Contain("CRM value").And.Contain("engine value").And.Contain("action").And.Contain("rule").And.Contain("resolved"));
            Assert.That(run.Output, Does.Contain("2026-11-10").And.Contain("001B").And.Contain("Onboarding").And.Contain("Adoption").And.Contain("Reverted rule"));
            Assert.That(run.Output, Does.Contain("4 conflict(s), 2 open"));
        });
    }

    [TestCase(new[] { "--open" }, new long[] { 1, 3 }, TestName = "List_Open_OnlyConflictsLeftForAnAdmin")]
    [TestCase(new[] { "--account", "001A" }, new long[] { 1, 3 }, TestName = "List_Account_OnlyThatAccount")]
    [TestCase(new[] { "--since", "2026-11-10" }, new long[] { 2, 3, 4 }, TestName = "List_Since_DetectedOnOrAfterTheDate")]
    [TestCase(new[] { "--open", "--account", "001A", "--since", "2026-11-02" }, new long[] { 3 }, TestName = "List_FiltersCombine")]
    [TestCase(new[] { "--account", "nobody" }, new long[0], TestName = "List_NoMatch_EmptyList")]
    public void List_Filters(string[] filters, long[] expected)
    {
        var run = Conflicts(["list", "--format", "json", .. filters]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(Ids(run), Is.EqualTo(expected));
        });
    }

    [Test]
    public void List_SinceNotADate_FailsNamingTheOption()
    {
        var run = Conflicts("list", "--since", "23/11/2026");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain("--since: '23/11/2026' is not a date (YYYY-MM-DD)"));
        });
    }

    [Test]
    public void ListCsv_ValueWithCommaAndQuote_IsQuotedPerRfc4180()
    {
        var run = Conflicts("list", "--format", "csv");
        var lines = run.Output.Split("\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(lines[0], Is.EqualTo("id,detected_on,account,field,crm_value,engine_value,action,rule,resolved_on,resolved_keep,account_name,resolved_by,applied_at"));
            Assert.That(lines[3], Is.EqualTo("3,2026-11-20,001A,health_note,\"Says \"\"hi\"\", then left\",ok,Open,Open rule,,,,,"), "the columns added later come last");
            Assert.That(lines, Has.Length.EqualTo(6), "header, four rows, and the empty remainder after the last CRLF");
        });
    }

    [Test]
    public void ListJson_PrintsEveryFieldOfEachConflict()
    {
        var run = Conflicts("list", "--format", "json");
        var third = run.Json().GetProperty("conflicts")[2];

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(third.GetProperty("detectedOn").GetString(), Is.EqualTo("2026-11-20"));
            Assert.That(third.GetProperty("account").GetString(), Is.EqualTo("001A"));
            Assert.That(third.GetProperty("field").GetString(), Is.EqualTo("health_note"));
            Assert.That(third.GetProperty("crmValue").GetString(), Is.EqualTo(Quoted));
            Assert.That(third.GetProperty("engineValue").GetString(), Is.EqualTo("ok"));
            Assert.That(third.GetProperty("action").GetString(), Is.EqualTo("Open"));
            Assert.That(third.GetProperty("rule").GetString(), Is.EqualTo("Open rule"));
            Assert.That(third.GetProperty("open").GetBoolean(), Is.True);
            Assert.That(third.GetProperty("resolvedOn").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        });
    }

    [Test]
    public void List_MissingStoreFile_IsAClearErrorNotAnEmptyList()
    {
        File.Delete(_database);
        var run = Conflicts("list");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.InputError));
            Assert.That(run.Error, Does.Contain(_database).And.Contain("does not exist"));
            Assert.That(run.Output, Is.Empty);
            Assert.That(File.Exists(_database), Is.False, "reading the log must not create an empty store");
        });
    }
}

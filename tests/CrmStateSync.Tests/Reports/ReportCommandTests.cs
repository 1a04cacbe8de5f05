using System.Text.Json;
using CrmStateSync.Store;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Reports;

/// <summary><c>report</c> through <see cref="Program.Run"/>: the table output, where the store comes from, and errors.</summary>
public class ReportCommandTests : ReportTestBase
{
    [Test]
    public void Distribution_Table_StagesRedFlagsAndStuckWorstFirst()
    {
        var run = Report("distribution", "--database", Database);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.Output, Does.StartWith($"Stage distribution — org {ReportHistory.OrgId} (salesforce), as of 2026-06-30"));
            Assert.That(run.Output, Does.Contain("6 account(s), 5 with a stage, 1 without"));
            Assert.That(run.Output, Does.Contain("last 90 days 1 of 2 (50.0%) RED FLAG; all time 1 of 13 (7.7%)"));
            Assert.That(run.Output.IndexOf("A3", StringComparison.Ordinal), Is.LessThan(run.Output.IndexOf("A2  ", StringComparison.Ordinal)));
        });
    }

    [Test]
    public void Velocity_Table_SaysOpenStaysAreApart()
    {
        var run = Report("velocity", "--database", Database, "--segment", "SMB");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.Output, Does.Contain("median and p75 count completed stays only"));
            Assert.That(run.Output, Does.Match(@"SMB\s+New Customer\s+2\s+15\.0\s+17\.5\s+0"));
        });
    }

    [Test]
    public void Runs_FromConfiguredPath_ReadsTheWorkersFile()
    {
        var config = Config(ReportHistory.OrgId, Database);
        var run = Report("runs", "--config", config, "--limit", "1");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.Output, Does.Contain("the latest 1 of 3"));
            Assert.That(run.Output, Does.Match(@"all\s+3\s+2\s+14\s+10\s+3\s+1\s+2\s+10"));
        });
    }

    [Test]
    public void Report_MissingDatabase_ClearErrorExit2AndNoFileCreated()
    {
        var missing = Path.Combine(Folder, "nope.db");
        var run = Report("distribution", "--database", missing);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain(missing).And.Contain("does not exist"));
            Assert.That(File.Exists(missing), Is.False);
        });
    }

    [Test]
    public void Report_ConfiguredFileMissing_NamesTheKeyExit2()
    {
        var run = Report("velocity", "--config", Config(ReportHistory.OrgId, Path.Combine(Folder, "none.db")));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain("Worker:DatabasePath").And.Contain("--database"));
        });
    }

    [Test]
    public void Report_ConfiguredFileOfAnotherOrg_RefusedUnlessNamedByDatabase()
    {
        var config = Config("00Dother", Database);

        Assert.Multiple(() =>
        {
            Assert.That(Report("runs", "--config", config).ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(Report("runs", "--config", config, "--database", Database).ExitCode, Is.EqualTo(ExitCodes.Success));
        });
    }

    [TestCase("all", "--format", "csv", TestName = "Report_AllAsCsv_Exit2")]
    [TestCase("runs", "--as-of", "30/06/2026", TestName = "Report_AsOfNotADate_Exit2")]
    [TestCase("distribution", "--stuck-days", "-1", TestName = "Report_NegativeStuckDays_Exit2")]
    [TestCase("velocity", "--format", "pdf", TestName = "Report_UnknownFormat_Exit2")]
    public void Report_BadCommandLine_Exit2(string report, string option, string value) =>
        Assert.That(CommandRun.Of("report", report, "--database", Database, option, value).ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));

    [Test]
    public void Report_NotAStoreFile_Exit2()
    {
        var other = Path.Combine(Folder, "other.db");
        File.WriteAllText(other, "");

        var run = Report("runs", "--database", other);

        Assert.That((run.ExitCode, run.Error), Is.EqualTo((ExitCodes.ConfigurationError, $"The file {other} is not a CrmStateSync store (it has no schema_info).{Environment.NewLine}")));
    }

    private string Config(string orgId, string database) =>
        WriteFile("appsettings.json", JsonSerializer.Serialize(new { Worker = new { Provider = "salesforce", OrgId = orgId, DatabasePath = database } }));

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}

/// <summary>An empty store (a worker that never ran a cycle): every report says so, nothing crashes.</summary>
public class EmptyStoreReportTests
{
    private TempFolder _folder = null!;
    private string _database = "";

    [SetUp]
    public async Task CreateAsync()
    {
        _folder = new TempFolder();
        _database = Path.Combine(_folder.Path, "empty.db");
        await (await SqliteSyncStore.OpenAsync(_database, "00Dempty", "hubspot")).DisposeAsync();
    }

    [TearDown]
    public void Delete()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [TestCase("velocity", "No account has reached the value stage yet.")]
    [TestCase("distribution", "No account is stuck.")]
    [TestCase("divergence", "Stage and states agree for every account.")]
    [TestCase("runs", "No runs recorded yet")]
    public void Report_EmptyStore_SaysSo(string report, string expected)
    {
        var run = CommandRun.Of("report", report, "--database", _database);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.Output, Does.Contain(expected));
        });
    }

    [TestCase("html")]
    [TestCase("json")]
    [TestCase("table")]
    public void All_EmptyStore_RendersEveryFormat(string format)
    {
        var run = CommandRun.Of("report", "all", "--database", _database, "--format", format);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        if (format == "html")
        {
            var page = ReportFormatTests.Html(run);
            Assert.Multiple(() =>
            {
                Assert.That(page.Descendants().Count(e => e.Name.LocalName == "svg"), Is.Zero, "no chart without data: a sentence says why instead");
                Assert.That(page.Descendants().Where(e => e.Name.LocalName == "section").Select(s => s.Descendants().Count(e => (string?)e.Attribute("class") == "empty")),
                    Is.All.GreaterThan(0), "every section explains itself");
            });
        }
    }
}

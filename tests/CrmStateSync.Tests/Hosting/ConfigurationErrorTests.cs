using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Hosting;
using CrmStateSync.Tests.Crash;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Hosting;

/// <summary>
/// sync.md "Fail fast on configuration", third round: an error names the file and the position for bad JSON, the path
/// for a missing file, lists every bad key, and repeats nothing.
/// </summary>
public class ConfigurationErrorTests
{
    private TempFolder _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempFolder();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void SyncOnce_ConfigurationIsNotValidJson_NamesTheFileLineAndPosition()
    {
        var config = _temp.Write("appsettings.json", "{\n  \"Worker\": {\n    \"Provider\": \"salesforce\"\n    \"OrgId\": \"x\"\n  }\n}\n");

        var run = CommandRun.Of("sync", "--once", "--config", config);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain($"the configuration file {config} is not valid JSON: line 4, position 5:"));
        }
    }

    [TestCase("conflicts", "list")]
    [TestCase("report", "runs")]
    [TestCase("health")]
    public void OtherCommands_ConfigurationIsNotValidJson_NameTheFileAndExitConfigurationError(params string[] command)
    {
        var config = _temp.Write("appsettings.json", "{ \"Worker\": { \"OrgId\": } }");

        var run = CommandRun.Of([.. command, "--config", config]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError), run.Error);
            Assert.That(run.Error, Does.Contain($"the configuration file {config} is not valid JSON: line 1, position"));
            Assert.That(run.Error, Does.Not.Contain("unexpected"));
        }
    }

    [Test]
    public void SyncOnce_ConfigFileMissing_NamesThePath()
    {
        var config = Path.Combine(_temp.Path, "nowhere.json");

        var run = CommandRun.Of("sync", "--once", "--config", config);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain($"the configuration file {config} (--config) does not exist"));
        }
    }

    [Test]
    public async Task SyncOnce_SecretsFileMissing_NamesThePath()
    {
        var config = _temp.Write("appsettings.json", "{}");
        var secrets = Path.Combine(_temp.Path, "missing-secrets.json");

        using var worker = WorkerProcess.Start(new Dictionary<string, string> { ["CRMSTATESYNC_SECRETS_FILE"] = secrets }, "sync", "--once", "--config", config);
        var exitCode = await worker.WaitAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.ConfigurationError), worker.Printed);
            Assert.That(worker.Printed, Does.Contain($"the configuration file {secrets} (CRMSTATESYNC_SECRETS_FILE) does not exist"));
        }
    }

    [Test]
    public void SyncOnce_TwoSyncKeysDoNotConvertAndTwoAreOutOfRange_ListsAllFour()
    {
        var config = _temp.Write("appsettings.json", JsonSerializer.Serialize(new
        {
            Worker = new { Provider = "salesforce", OrgId = "00Dconfig", DatabasePath = Path.Combine(_temp.Path, "state.db") },
            Crm = new { Salesforce = new { LoginUrl = "http://127.0.0.1:9", ClientId = "client", ClientSecret = "not-used-secret" } },
            Sync = new { WriteChunk = "abc", CreateTasks = "perhaps", SettleTime = "2.00:00:00", ReconcileEvery = "-1.00:00:00" },
        }));

        var run = CommandRun.Of("sync", "--once", "--config", config);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain("4 problem(s)"), run.Error);
            Assert.That(run.Error, Does.Contain("Sync:WriteChunk: ").And.Contain("Sync:CreateTasks: ").And.Contain("Sync:SettleTime: ").And.Contain("Sync:ReconcileEvery: "));
        }
    }

    [Test]
    public void Report_CrmExceptionWithoutACode_SaysNoEmptyCode()
    {
        using var error = new StringWriter();

        var code = Failures.Report(new CrmException("Salesforce's token response has no access_token or instance_url", null, 200), error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.CrmUnreachable));
            Assert.That(error.ToString(), Does.Not.Contain("(,").And.Contain("(HTTP 200)"));
        }
    }

    [Test]
    public void Report_BudgetSpentWhoseMessageSaysItResumes_SaysItOnce()
    {
        using var error = new StringWriter();
        var budget = new CrmBudgetExhaustedException("Salesforce's API request limit is exceeded (TotalRequests Limit exceeded.); the cycle ends and the next one resumes", "REQUEST_LIMIT_EXCEEDED", 403);

        Failures.Report(budget, error);

        Assert.That(error.ToString().Split("resumes").Length - 1, Is.EqualTo(1), error.ToString());
    }
}

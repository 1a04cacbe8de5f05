using System.Text.Json;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Hosting;

/// <summary>
/// Issue 13 item 6: a bad value is one problem naming its key, the value and the form expected — no knock-on problems
/// for keys that are set, never the binder's text; a misspelt key is reported with the closest; an enum lists its values.
/// </summary>
public class ConfigurationKeyTests
{
    private TempFolder _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempFolder();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void SyncOnce_IntervalNotADuration_OneProblemNamingKeyValueAndForms()
    {
        var run = CommandRun.Of("sync", "--once", "--config", Config(worker: new { Interval = "15x" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Is.EqualTo(Problems("Worker:Interval: '15x' is not a duration such as 30s, 15m, 1h, 2d, 1h30m or hh:mm:ss")));
            Assert.That(run.Output, Is.Empty);
        }
    }

    [Test]
    public void Health_IntervalWithAUnit_IsThatDuration()
    {
        var heartbeat = Path.Combine(_temp.Path, "heartbeat");
        File.WriteAllText(heartbeat, "beat");
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        File.SetLastWriteTimeUtc(heartbeat, now.AddMinutes(-1).UtcDateTime);

        var run = CommandRun.Of(new FixedClock(now), "health", "--config", Config(worker: new { Interval = "15m", HeartbeatPath = heartbeat }));

        Assert.That((run.ExitCode, run.Output.Trim()), Is.EqualTo((0, "healthy: heartbeat 60s old (limit 2700s)")), run.Error);
    }

    [Test]
    public void SyncOnce_MisspeltKeys_EachReportedWithTheClosestKey()
    {
        var config = Config(
            worker: new { Intervall = "00:05:00" },
            salesforce: new { PageSise = 500 },
            extra: new { Rules = new { Thresholds = new { ValueActionThreshol = 3 } } });

        var run = CommandRun.Of("sync", "--once", "--config", config);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Is.EqualTo(Problems(
                "Worker:Intervall: unknown key; did you mean Worker:Interval?",
                "Crm:Salesforce:PageSise: unknown key; did you mean Crm:Salesforce:PageSize?",
                "Rules:Thresholds:ValueActionThreshol: unknown key; did you mean Rules:Thresholds:ValueActionThreshold?")));
        }
    }

    [Test]
    public void SyncOnce_EnumValueMisspelt_ListsTheValidValues()
    {
        var config = Config(extra: new { Sync = new { Ownership = new { EntryDates = "EngineWin" } } });

        var run = CommandRun.Of("sync", "--once", "--config", config);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Is.EqualTo(Problems("Sync:Ownership:EntryDates: 'EngineWin' is not one of EngineWins, CrmWins, Review; did you mean EngineWins?")));
        }
    }

    [Test]
    public void SyncOnce_RulesStageKindMisspelt_ListsTheValidValuesWithoutBinderText()
    {
        var config = Config(extra: new { Rules = new { StageModel = new { Stages = new[] { new { Name = "Churned", Kind = "Terminall" } } } } });

        var run = CommandRun.Of("sync", "--once", "--config", config);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain("Rules:StageModel:Stages:0:Kind: 'Terminall' is not one of Progression, Risk, Terminal; did you mean Terminal?"));
            Assert.That(run.Error, Does.Not.Contain("Failed to convert").And.Not.Contain("CrmStateSync.").And.Not.Contain("BinderOptions"));
        }
    }

    [Test(Description = "Issue 14: every Crm:*:Resilience key is checked with the rest (its [Range] attributes were never evaluated)")]
    public void SyncOnce_BreakerFailureRatioOutOfRange_ListedWithItsKeyValueAndRangeAmongTheOtherProblems()
    {
        var config = Config(
            worker: new { Interval = "15x" },
            salesforce: new { PageSize = 50, Resilience = new { BreakerFailureRatio = 1.5, MaxRetries = 11 } });

        var run = CommandRun.Of("sync", "--once", "--config", config);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Is.EqualTo(Problems(
                "Worker:Interval: '15x' is not a duration such as 30s, 15m, 1h, 2d, 1h30m or hh:mm:ss",
                "Crm:Salesforce:PageSize: must be between 200 and 2000 (was 50)",
                "Crm:Salesforce:Resilience:MaxRetries: must be between 0 and 10 (was 11)",
                "Crm:Salesforce:Resilience:BreakerFailureRatio: must be between 0.01 and 1 (was 1.5)")));
            Assert.That(run.Output, Is.Empty);
        }
    }

    [Test(Description = "Issue 14: the evaluate chunk is an option, Sync:ChunkSize, at least 1")]
    public void SyncOnce_ChunkSizeZero_ListedWithItsKeyAndValueAmongTheOtherProblems()
    {
        var config = Config(salesforce: new { PageSize = 50 }, extra: new { Sync = new { ChunkSize = 0 } });

        var run = CommandRun.Of("sync", "--once", "--config", config);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Is.EqualTo(Problems(
                "Crm:Salesforce:PageSize: must be between 200 and 2000 (was 50)",
                "Sync:ChunkSize: must be at least 1 (was 0)")));
        }
    }

    private static string Problems(params string[] problems) =>
        $"The configuration has {problems.Length} problem(s):{Environment.NewLine}" + string.Concat(problems.Select(p => $"  - {p}{Environment.NewLine}"));

    /// <summary>A valid configuration (no CRM is called: every test fails validation) with the given keys added.</summary>
    private string Config(object? worker = null, object? salesforce = null, object? extra = null)
    {
        var root = new Dictionary<string, object>
        {
            ["Worker"] = Merge(new { Provider = "salesforce", OrgId = "00Dkeys", DatabasePath = Path.Combine(_temp.Path, "state.db") }, worker),
            ["Crm"] = new { Salesforce = Merge(new { LoginUrl = "http://127.0.0.1:9", ClientId = "client", ClientSecret = "not-used-secret" }, salesforce) },
        };
        foreach (var (key, value) in extra is null ? [] : JsonSerializer.SerializeToElement(extra).EnumerateObject().Select(p => (p.Name, (object)p.Value)))
        {
            root[key] = value;
        }

        return _temp.Write("appsettings.json", JsonSerializer.Serialize(root));
    }

    private static Dictionary<string, JsonElement> Merge(object baseline, object? more)
    {
        var merged = JsonSerializer.SerializeToElement(baseline).EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        foreach (var p in more is null ? [] : JsonSerializer.SerializeToElement(more).EnumerateObject())
        {
            merged[p.Name] = p.Value;
        }

        return merged;
    }
}

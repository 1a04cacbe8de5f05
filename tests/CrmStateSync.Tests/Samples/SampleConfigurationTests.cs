using CrmStateSync.Hosting;
using CrmStateSync.Logging;

namespace CrmStateSync.Tests.Samples;

/// <summary>
/// Every configuration file under samples/ loads and passes the worker's start-up validation (WorkerConfiguration),
/// alone or layered over a base appsettings file, once the secrets arrive from outside the file.
/// </summary>
public class SampleConfigurationTests
{
    private const string SalesforceBase = "samples/appsettings.salesforce.json";

    public static IEnumerable<string> AppSettingsSamples() => SampleConfiguration.Files("samples", "appsettings.*.json");

    /// <summary>The rules presets and milestone sets: fragments with a Rules section only.</summary>
    public static IEnumerable<string> RulesFragments() =>
        SampleConfiguration.Files("samples/rules", "*.json").Concat(SampleConfiguration.Files("samples/milestones", "*.json"));

    [TestCaseSource(nameof(AppSettingsSamples))]
    public void Validate_AppSettingsSampleWithSecretsFromOutside_HasNoProblem(string sample)
    {
        using var samples = new SampleConfiguration();

        var (worker, rules, problems) = WorkerConfiguration.Validate(samples.Load(sample));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Is.Empty);
            Assert.That(sample, Does.Contain(worker.Provider!), "the file name says which provider it configures");
            Assert.That(rules, Is.Not.Null);
        }
    }

    [TestCase("samples/appsettings.salesforce.json", "Crm:Salesforce:PrivateKeyPath")]
    [TestCase("samples/appsettings.hubspot.json", "Crm:HubSpot:AccessToken")]
    public void Validate_AppSettingsSampleAlone_NamesTheCredentialItLeavesToTheEnvironment(string sample, string key)
    {
        using var samples = new SampleConfiguration();

        var (_, _, problems) = WorkerConfiguration.Validate(samples.Load(withSecrets: false, sample));

        Assert.That(problems, Has.One.StartsWith(key));
    }

    [TestCaseSource(nameof(AppSettingsSamples))]
    public void Logging_AppSettingsSampleSerilogSection_Builds(string sample)
    {
        using var samples = new SampleConfiguration();

        using var logging = WorkerLogging.Create(samples.Load(sample), json: true);

        Assert.That(logging.CreateLogger("CrmStateSync.Sync").IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information), Is.True);
    }

    [TestCaseSource(nameof(RulesFragments))]
    public void Validate_RulesFragmentOverABaseConfiguration_HasNoProblem(string fragment)
    {
        using var samples = new SampleConfiguration();

        var (_, rules, problems) = WorkerConfiguration.Validate(samples.Load(SalesforceBase, fragment));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Is.Empty);
            Assert.That(rules, Is.Not.Null);
        }
    }

    [Test]
    public void Validate_BothMilestoneSetsOverABaseConfiguration_HasNoProblem()
    {
        using var samples = new SampleConfiguration();

        var (_, rules, problems) = WorkerConfiguration.Validate(
            samples.Load(SalesforceBase, "samples/milestones/self-serve.json", "samples/milestones/enterprise.json"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Is.Empty);
            Assert.That(rules!.MilestoneKeys, Does.Contain("second_user_active").And.Contain("kickoff_held"));
        }
    }
}

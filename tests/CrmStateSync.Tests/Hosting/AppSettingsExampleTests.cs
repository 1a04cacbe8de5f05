using CrmStateSync.Hosting;
using CrmStateSync.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace CrmStateSync.Tests.Hosting;

/// <summary>The shipped appsettings.example.json binds and validates once its secret arrives from the environment.</summary>
public class AppSettingsExampleTests
{
    private static IConfigurationRoot Example(params (string Key, string Value)[] overrides) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.example.json"))
        .AddInMemoryCollection(overrides.ToDictionary(o => o.Key, o => (string?)o.Value))
        .Build();

    [Test]
    public void Validate_ExampleWithTheSecretFromTheEnvironment_HasNoProblem()
    {
        var (worker, rules, problems) = WorkerConfiguration.Validate(Example(("Crm:Salesforce:ClientSecret", "from-the-environment")));

        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(worker.Provider, Is.EqualTo("salesforce"));
            Assert.That(worker.Interval, Is.EqualTo(TimeSpan.FromMinutes(15)));
            Assert.That(rules!.ThresholdsFor("Enterprise").ValueActionThreshold, Is.EqualTo(25), "the per-segment override in the example binds");
        });
    }

    [Test]
    public void Validate_ExampleWithoutTheSecret_NamesTheMissingCredential()
    {
        var (_, _, problems) = WorkerConfiguration.Validate(Example());

        Assert.That(problems, Has.Some.Contains("Crm:Salesforce:ClientSecret"));
    }

    [Test]
    public void Validate_ExampleSwitchedToHubSpot_NeedsTheToken()
    {
        var (_, _, problems) = WorkerConfiguration.Validate(Example(("Worker:Provider", "hubspot")));

        Assert.That(problems, Has.Some.Contains("Crm:HubSpot:AccessToken"));
    }

    [TestCase("0")]
    [TestCase("1.5")]
    public void Validate_ExampleHubSpotWriteBudgetShareOutOfRange_NamesTheKey(string share)
    {
        var (_, _, problems) = WorkerConfiguration.Validate(Example(("Worker:Provider", "hubspot"), ("Crm:HubSpot:AccessToken", "from-the-environment"), ("Crm:HubSpot:WriteBudgetShare", share)));

        Assert.That(problems, Is.EqualTo(new[] { $"Crm:HubSpot:WriteBudgetShare: must be above 0 and at most 1 (was {share})" }));
    }

    [Test]
    public void Logging_ExampleSerilogSection_BuildsAndKeepsMicrosoftAtWarning()
    {
        using var logging = CrmStateSync.Logging.WorkerLogging.Create(Example(), json: true);

        Assert.Multiple(() =>
        {
            Assert.That(logging.CreateLogger("CrmStateSync.Sync").IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information), Is.True);
            Assert.That(logging.CreateLogger("Microsoft.Hosting").IsEnabled(Microsoft.Extensions.Logging.LogLevel.Information), Is.False);
        });
    }
}

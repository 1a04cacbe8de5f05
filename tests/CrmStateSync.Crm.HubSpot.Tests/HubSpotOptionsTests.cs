using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmStateSync.Crm.HubSpot.Tests;

public sealed class HubSpotOptionsTests
{
    [Test]
    public void Validate_Defaults_OnlyTheMissingTokenIsAProblem()
    {
        Assert.That(new HubSpotOptions().Validate(), Is.EqualTo(new[] { "Crm:HubSpot:AccessToken: is required (a private-app token or service key, from the environment or a secrets file)" }));
    }

    [Test]
    public void Validate_ManyBadSettings_EveryProblemListedWithItsKeyAndNoToken()
    {
        var options = new HubSpotOptions
        {
            AccessToken = "pat-na1-should-never-print",
            ApiPathPrefix = "crm/objects/2026-03/",
            SearchPageSize = 500,
            LookBack = TimeSpan.FromMinutes(-1),
            RequestsPer10Seconds = 0,
            SearchRequestsPerSecond = 0,
            DailyLimit = 0,
            RenewalDealType = " ",
        };
        options.Resilience.TotalTimeout = TimeSpan.FromSeconds(1);

        var problems = options.Validate();

        Assert.That(problems.Select(p => p[..p.IndexOf(": ", StringComparison.Ordinal)]), Is.SupersetOf(new[]
        {
            "Crm:HubSpot:ApiPathPrefix", "Crm:HubSpot:SearchPageSize", "Crm:HubSpot:LookBack", "Crm:HubSpot:RequestsPer10Seconds",
            "Crm:HubSpot:SearchRequestsPerSecond", "Crm:HubSpot:DailyLimit", "Crm:HubSpot:RenewalDealType", "Crm:HubSpot:Resilience:TotalTimeout",
        }));
        Assert.That(problems, Has.None.Contains("pat-na1-should-never-print"));
    }

    [TestCase(0, "Crm:HubSpot:SearchRequestsPerSecond: must be between 1 and 100 (was 0)")]
    [TestCase(101, "Crm:HubSpot:SearchRequestsPerSecond: must be between 1 and 100 (was 101)")]
    public void Validate_SearchRequestsPerSecondOutOfRange_NamesTheKeyAndTheValue(int perSecond, string expected)
    {
        var options = new HubSpotOptions { AccessToken = "pat-na1-abcdef", SearchRequestsPerSecond = perSecond };

        Assert.That(options.Validate(), Is.EqualTo(new[] { expected }));
    }

    [TestCase(0.0, "Crm:HubSpot:WriteBudgetShare: must be above 0 and at most 1 (was 0)")]
    [TestCase(-0.5, "Crm:HubSpot:WriteBudgetShare: must be above 0 and at most 1 (was -0.5)")]
    [TestCase(1.5, "Crm:HubSpot:WriteBudgetShare: must be above 0 and at most 1 (was 1.5)")]
    [TestCase(double.NaN, "Crm:HubSpot:WriteBudgetShare: must be above 0 and at most 1 (was NaN)")]
    public void Validate_WriteBudgetShareOutOfRange_NamesTheKeyAndTheValue(double share, string expected)
    {
        var options = new HubSpotOptions { AccessToken = "pat-na1-abcdef", WriteBudgetShare = share };

        Assert.That(options.Validate(), Is.EqualTo(new[] { expected }));
    }

    [TestCase(1.0)]
    [TestCase(0.01)]
    public void Validate_WriteBudgetShareInRange_NoProblem(double share)
    {
        Assert.That(new HubSpotOptions { AccessToken = "pat-na1-abcdef", WriteBudgetShare = share }.Validate(), Is.Empty);
    }

    [Test]
    public void WriteBudgetShare_Default_IsHalfAsSalesforces()
    {
        Assert.That(new HubSpotOptions().WriteBudgetShare, Is.EqualTo(0.5));
    }

    [Test]
    public void AddHubSpotConnector_InvalidWriteBudgetShare_ResolvingFailsNamingTheKey()
    {
        var services = new ServiceCollection().AddLogging().AddHubSpotConnector(o => (o.AccessToken, o.WriteBudgetShare) = ("pat-na1-abcdef", 2));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ICrmConnector>());

        Assert.That(ex!.Failures, Is.EqualTo(new[] { "Crm:HubSpot:WriteBudgetShare: must be above 0 and at most 1 (was 2)" }));
    }

    [Test]
    public void SearchRequestsPerSecond_Default_IsBelowHubSpotsSearchLimitOfFive()
    {
        Assert.That(new HubSpotOptions().SearchRequestsPerSecond, Is.InRange(1, 4), "crm-apis.md: search has its own limit of about 5 per second");
    }

    [Test]
    public void AddHubSpotConnector_InvalidOptions_ResolvingFailsWithEveryProblem()
    {
        var services = new ServiceCollection().AddLogging().AddHubSpotConnector(o => o.SearchPageSize = 0);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ICrmConnector>());

        Assert.That(ex!.Failures, Has.Some.StartsWith("Crm:HubSpot:AccessToken").And.Some.StartsWith("Crm:HubSpot:SearchPageSize"));
    }

    [Test]
    public void AddHubSpotConnector_ValidOptions_ResolvesTheHubSpotConnector()
    {
        var services = new ServiceCollection().AddLogging().AddHubSpotConnector(o => o.AccessToken = "pat-na1-abcdef");
        using var provider = services.BuildServiceProvider();

        var connector = provider.GetRequiredService<ICrmConnector>();

        Assert.That((connector.Provider, connector.Usage), Is.EqualTo(("hubspot", new ApiUsage(null, null, 0))));
    }
}

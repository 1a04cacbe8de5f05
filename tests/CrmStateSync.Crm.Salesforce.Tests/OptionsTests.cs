using CrmStateSync.Crm.Salesforce.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmStateSync.Crm.Salesforce.Tests;

public class OptionsTests
{
    [Test]
    public void Validate_Defaults_ClientIdAndSecretRequired()
    {
        var problems = new SalesforceOptions().Validate();

        Assert.That(problems, Is.EqualTo(new[]
        {
            "Crm:Salesforce:ClientId: is required (the connected app's consumer key)",
            "Crm:Salesforce:ClientSecret: is required for the ClientCredentials flow",
        }));
    }

    [Test]
    public void Validate_EverythingWrong_ListsEveryProblemWithItsKeyAndNoSecret()
    {
        var options = new SalesforceOptions
        {
            LoginUrl = new Uri("http://login.example.com"), ApiVersion = "66", AuthFlow = SalesforceAuthFlow.JwtBearer,
            ClientId = "id", ClientSecret = SalesforceServer.ClientSecret, PrivateKeyPath = "/nowhere/key.pem",
            PageSize = 50, Overlap = TimeSpan.FromMinutes(-1), WriteBudgetShare = 1.5,
            BulkThreshold = -1, BulkMaxWait = TimeSpan.Zero, BulkPollInterval = TimeSpan.FromHours(1), BulkPageSize = 0,
        };
        options.Resilience.TotalTimeout = TimeSpan.FromSeconds(1);

        var problems = options.Validate();

        Assert.Multiple(() =>
        {
            Assert.That(problems.Select(p => p[..p.IndexOf(": ", StringComparison.Ordinal)]), Is.EquivalentTo(new[]
            {
                "Crm:Salesforce:LoginUrl", "Crm:Salesforce:ApiVersion", "Crm:Salesforce:Username", "Crm:Salesforce:PrivateKeyPath",
                "Crm:Salesforce:PageSize", "Crm:Salesforce:Overlap", "Crm:Salesforce:WriteBudgetShare", "Crm:Salesforce:Resilience:TotalTimeout",
                "Crm:Salesforce:BulkThreshold", "Crm:Salesforce:BulkMaxWait", "Crm:Salesforce:BulkPollInterval", "Crm:Salesforce:BulkPageSize",
            }));
            Assert.That(string.Join("\n", problems), Does.Not.Contain(SalesforceServer.ClientSecret));
        });
    }

    [Test]
    public void AddSalesforceConnector_InvalidOptions_StartFailsListingEveryProblem()
    {
        var services = new ServiceCollection().AddSalesforceConnector(o => o.PageSize = 10);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<SalesforceOptions>>().Value);

        Assert.That(ex!.Failures.ToList(), Has.Count.EqualTo(3).And.Some.StartsWith("Crm:Salesforce:PageSize"));
    }
}

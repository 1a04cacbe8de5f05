using CrmStateSync.Crm.Http;

namespace CrmStateSync.Crm.Tests.Http;

public class CrmResilienceOptionsTests
{
    [Test]
    public void Validate_Defaults_HaveNoProblem() =>
        Assert.That(new CrmResilienceOptions().Validate("Crm:Salesforce:Resilience"), Is.Empty);

    [Test]
    public void Validate_NonPositiveAttemptTimeout_IsAProblem() =>
        Assert.That(new CrmResilienceOptions { AttemptTimeout = TimeSpan.Zero }.Validate("K"), Has.Some.StartsWith("K:AttemptTimeout:"));

    [Test]
    public void Validate_EveryBadSetting_IsListedWithItsKey()
    {
        var options = new CrmResilienceOptions
        {
            AttemptTimeout = TimeSpan.FromSeconds(10),
            TotalTimeout = TimeSpan.FromSeconds(5),
            BreakerSamplingDuration = TimeSpan.FromSeconds(1),
            RetryBaseDelay = TimeSpan.FromSeconds(-1),
        };

        var problems = options.Validate("Crm:HubSpot:Resilience").ToList();

        Assert.That(problems, Has.Count.EqualTo(3), string.Join(" | ", problems));
        Assert.That(problems, Has.All.StartsWith("Crm:HubSpot:Resilience"));
        Assert.That(problems, Has.Some.Contains(":TotalTimeout:").And.Some.Contains(":BreakerSamplingDuration:").And.Some.Contains("RetryBaseDelay"));
    }
}

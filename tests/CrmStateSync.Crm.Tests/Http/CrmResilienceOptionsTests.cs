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

    [TestCase("MaxRetries", "11", "Crm:Salesforce:Resilience:MaxRetries: must be between 0 and 10 (was 11)")]
    [TestCase("MaxRetries", "-1", "Crm:Salesforce:Resilience:MaxRetries: must be between 0 and 10 (was -1)")]
    [TestCase("BreakerFailureRatio", "1.5", "Crm:Salesforce:Resilience:BreakerFailureRatio: must be between 0.01 and 1 (was 1.5)")]
    [TestCase("BreakerFailureRatio", "0", "Crm:Salesforce:Resilience:BreakerFailureRatio: must be between 0.01 and 1 (was 0)")]
    [TestCase("BreakerMinimumThroughput", "1", "Crm:Salesforce:Resilience:BreakerMinimumThroughput: must be between 2 and 10000 (was 1)")]
    [TestCase("BreakerBreakDuration", "00:00:00.1", "Crm:Salesforce:Resilience:BreakerBreakDuration: must be between 00:00:00.5000000 and 1.00:00:00 (was 00:00:00.1000000)")]
    [TestCase("BreakerSamplingDuration", "2.00:00:00", "Crm:Salesforce:Resilience:BreakerSamplingDuration: must be between 00:00:00.5000000 and 1.00:00:00 (was 2.00:00:00)")]
    [TestCase("RetryBaseDelay", "-00:00:01", "Crm:Salesforce:Resilience:RetryBaseDelay: must be between 00:00:00 and 1.00:00:00 (was -00:00:01)")]
    [TestCase("MaxRetryAfter", "-00:00:01", "Crm:Salesforce:Resilience:MaxRetryAfter: must not be negative (was -00:00:01)")]
    [TestCase("AttemptTimeout", "00:00:00", "Crm:Salesforce:Resilience:AttemptTimeout: must be between 00:00:00.0100000 and 1.00:00:00 (was 00:00:00)")]
    public void Validate_AKeyOutsideWhatPollyAccepts_OneProblemNamingKeyValueAndRange(string key, string value, string expected)
    {
        var options = new CrmResilienceOptions();
        var property = typeof(CrmResilienceOptions).GetProperty(key)!;
        property.SetValue(options, property.PropertyType == typeof(TimeSpan)
            ? TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : Convert.ChangeType(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

        var problems = options.Validate("Crm:Salesforce:Resilience").ToList();

        Assert.That(problems, Is.EqualTo(new[] { expected }));
    }
}

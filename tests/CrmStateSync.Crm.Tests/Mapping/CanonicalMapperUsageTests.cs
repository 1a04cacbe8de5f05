using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Crm.Tests.Mapping;

/// <summary><see cref="Crm.Mapping.CanonicalMapper.Usage"/>: the usage rows, where most bad input comes from.</summary>
public sealed class CanonicalMapperUsageTests
{
    [Test]
    public void Usage_SalesforceRow_ArrivesWithCountsAndMetrics()
    {
        var change = Some.SalesforceMapper().Usage(Some.Raw("a0U1", ("CS_Account__c", "001000000000001AAA"), ("CS_Usage_Date__c", "2026-05-20"),
            ("CS_Active_Users__c", "12"), ("CS_Value_Actions__c", "3.0"), ("CS_Core_Events__c", "140"), ("CS_Projects_Created__c", "2")));

        Assert.That(change.Problems, Is.Empty);
        var record = change.Record!;
        Assert.Multiple(() =>
        {
            Assert.That(record.Id, Is.EqualTo("a0U1"));
            Assert.That(record.AccountId, Is.EqualTo("001000000000001AAA"));
            Assert.That(record.Usage.Date, Is.EqualTo(new DateOnly(2026, 5, 20)));
            Assert.That(record.Usage.ActiveUsers, Is.EqualTo(12));
            Assert.That(record.Usage.ValueActions, Is.EqualTo(3));
            Assert.That(record.Usage.CoreEvents, Is.EqualTo(140));
            Assert.That(record.Usage.Metrics, Is.EquivalentTo(new Dictionary<string, double> { ["projects_created"] = 2 }));
        });
    }

    [Test(Description = "crm-apis.md: a HubSpot date property comes as epoch milliseconds at midnight UTC")]
    public void Usage_HubSpotEpochMidnightDate_Arrives()
    {
        var change = Some.HubSpotMapper().Usage(Some.Raw("77", ("accountId", "4242"), ("usage_date", "1779235200000"), ("active_users", "4")));

        Assert.That(change.Problems, Is.Empty);
        Assert.That(change.Record!.Usage.Date, Is.EqualTo(new DateOnly(2026, 5, 20)));
        Assert.That(change.Record.Usage.ActiveUsers, Is.EqualTo(4));
    }

    [Test(Description = "A usage row without a date cannot be placed in any window: a problem naming the date field, no record")]
    public void Usage_NoDate_ProblemAndNoRecord()
    {
        var change = Some.SalesforceMapper().Usage(Some.Raw("a0U1", ("CS_Account__c", "001000000000001AAA"), ("CS_Active_Users__c", "12")));

        Assert.That(change.Record, Is.Null);
        Assert.That(change.Deleted, Is.False);
        Assert.That(change.Problems.Select(p => (p.RecordId, p.Field, p.Value)), Is.EqualTo(new[] { ("a0U1", "CS_Usage_Date__c", (string?)null) }));
    }

    [Test(Description = "sync.md: a malformed date is reported with the record id and field")]
    public void Usage_HubSpotNonMidnightEpochDate_ProblemAndNoRecord()
    {
        var change = Some.HubSpotMapper().Usage(Some.Raw("77", ("accountId", "4242"), ("usage_date", "1779310172000"), ("active_users", "4")));

        Assert.That(change.Record, Is.Null);
        Assert.That(change.Problems.Select(p => (p.RecordId, p.Field, p.Value)), Is.EqualTo(new[] { ("77", "usage_date", (string?)"1779310172000") }));
    }

    [TestCase("-3", "-3", TestName = "sync.md bad input: a negative count is reported with the record id and field")]
    [TestCase("2.5", "2.5", TestName = "sync.md bad input: a fractional count is reported with the record id and field")]
    [TestCase("many", "many", TestName = "sync.md bad input: a count that is not a number is reported with the record id and field")]
    public void Usage_BadCount_ProblemAndRowStillArrives(string activeUsers, string reported)
    {
        var change = Some.SalesforceMapper().Usage(Some.Raw("a0U1", ("CS_Account__c", "001000000000001AAA"), ("CS_Usage_Date__c", "2026-05-20"),
            ("CS_Active_Users__c", activeUsers), ("CS_Value_Actions__c", "5")));

        Assert.That(change.Problems.Select(p => (p.RecordId, p.Field, p.Value)), Is.EqualTo(new[] { ("a0U1", "CS_Active_Users__c", (string?)reported) }));
        Assert.That(change.Record!.Usage.ActiveUsers, Is.EqualTo(0));
        Assert.That(change.Record.Usage.ValueActions, Is.EqualTo(5));
        Assert.That(change.Record.Usage.Date, Is.EqualTo(new DateOnly(2026, 5, 20)));
    }

    [Test(Description = "sync.md bad input: a negative count is reported with the record id and field")]
    public void Usage_NegativeMetric_ProblemAndMetricLeftOut()
    {
        var change = Some.SalesforceMapper().Usage(Some.Raw("a0U1", ("CS_Account__c", "001000000000001AAA"), ("CS_Usage_Date__c", "2026-05-20"), ("CS_Projects_Created__c", "-1")));

        Assert.That(change.Problems.Select(p => (p.RecordId, p.Field, p.Value)), Is.EqualTo(new[] { ("a0U1", "CS_Projects_Created__c", (string?)"-1") }));
        Assert.That(change.Record!.Usage.Metrics, Is.Empty);
    }

    [Test]
    public void Usage_Deleted_NoRecordNoProblem()
    {
        var change = Some.HubSpotMapper().Usage(Some.Deleted("77"));

        Assert.That(change, Is.EqualTo(new CrmChange<UsageRecord>("77", Some.ModifiedAt, null, true, change.Problems, "user-9")));
        Assert.That(change.Problems, Is.Empty);
    }

    [Test]
    public void Usage_MissingCounts_Zero()
    {
        var change = Some.HubSpotMapper().Usage(Some.Raw("77", ("accountId", "4242"), ("usage_date", "2026-05-20")));

        Assert.That(change.Problems, Is.Empty);
        Assert.That(change.Record!.Usage, Is.EqualTo(new UsageRow { Date = new DateOnly(2026, 5, 20), Metrics = change.Record.Usage.Metrics }));
        Assert.That(change.Record.Usage.Metrics, Is.Empty);
    }
}

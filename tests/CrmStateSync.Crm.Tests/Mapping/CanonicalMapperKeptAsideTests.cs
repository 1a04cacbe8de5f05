using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Mapping;

namespace CrmStateSync.Crm.Tests.Mapping;

/// <summary>
/// sync.md "No record stops a cycle": every way a record can be wrong is that record's problem — reported with the record
/// id, the field and the value, and the record kept aside — on both CRMs; the records around it map as before.
/// </summary>
public sealed class CanonicalMapperKeptAsideTests
{
    private const string SfAccount = "001000000000001AAA";
    private const string HsCompany = "4242";

    /// <summary>(description, map, expected field, expected value): one bad record each.</summary>
    private static IEnumerable<TestCaseData> BadRecords()
    {
        TestCaseData Row(string rule, Func<CrmChange<object>> map, string field, string? value) => new TestCaseData(map, field, value).SetName(rule);
        var sf = Some.SalesforceMapper();
        var hs = Some.HubSpotMapper();
        yield return Row("No record stops a cycle: Salesforce private contact (AccountId null) is kept aside",
            () => Erase(sf.Contact(Some.Raw("003000000000001AAA", ("AccountId", null), ("CS_Function__c", "IT")))), "AccountId", null);
        yield return Row("No record stops a cycle: Salesforce opportunity with an empty AccountId is kept aside",
            () => Erase(sf.Opportunity(Some.Raw("006000000000001AAA", ("AccountId", ""), ("IsWon", "true")))), "AccountId", null);
        yield return Row("No record stops a cycle: Salesforce usage row without CS_Account__c is kept aside",
            () => Erase(sf.Usage(Some.Raw("a0U000000000001AAA", ("CS_Usage_Date__c", "2026-05-20")))), "CS_Account__c", null);
        yield return Row("No record stops a cycle: HubSpot deal with no company association is kept aside",
            () => Erase(hs.Opportunity(Some.Raw("7", ("dealtype", "newbusiness")))), "accountId", null);
        yield return Row("No record stops a cycle: HubSpot contact with no company association is kept aside",
            () => Erase(hs.Contact(Some.Raw("9", ("cs_function", "IT")))), "accountId", null);
        yield return Row("No record stops a cycle: HubSpot usage row with no company association is kept aside",
            () => Erase(hs.Usage(Some.Raw("77", ("usage_date", "2026-05-20")))), "accountId", null);
        yield return Row("No record stops a cycle: Salesforce malformed account reference (not 15/18 letters and digits) is kept aside",
            () => Erase(sf.Contact(Some.Raw("003000000000001AAA", ("AccountId", "Acme Corp")))), "AccountId", "Acme Corp");
        yield return Row("No record stops a cycle: HubSpot malformed company id (not numeric) is kept aside",
            () => Erase(hs.Opportunity(Some.Raw("7", ("accountId", "acme")))), "accountId", "acme");
        yield return Row("No record stops a cycle: Salesforce malformed owner id keeps the account aside",
            () => Erase(sf.Account(Some.Raw(SfAccount, ("OwnerId", "dana@example.com")))), "OwnerId", "dana@example.com");
        yield return Row("No record stops a cycle: HubSpot malformed goal-owner id keeps the company aside",
            () => Erase(hs.Account(Some.Raw(HsCompany, ("cs_goal_owner", "nw-ops-director")))), "cs_goal_owner", "nw-ops-director");
        yield return Row("No record stops a cycle: an unknown segment (Picklists:segment configured) keeps the account aside",
            () => Erase(WithSegments(DefaultMappings.Salesforce(), SalesforceValueFormat.Instance).Account(Some.Raw(SfAccount, ("CS_Segment__c", "Enterprize")))), "CS_Segment__c", "Enterprize");
        yield return Row("No record stops a cycle: a bad date in an account input keeps the account aside",
            () => Erase(hs.Account(Some.Raw(HsCompany, ("cs_goal_reviewed_on", "next tuesday")))), "cs_goal_reviewed_on", "next tuesday");
        yield return Row("No record stops a cycle: an unknown picklist value keeps the contact aside",
            () => Erase(sf.Contact(Some.Raw("003000000000001AAA", ("AccountId", SfAccount), ("CS_Stakeholder_Role__c", "Sponsor")))), "CS_Stakeholder_Role__c", "Sponsor");
        yield return Row("No record stops a cycle: a negative count keeps the usage row aside",
            () => Erase(hs.Usage(Some.Raw("77", ("accountId", HsCompany), ("usage_date", "2026-05-20"), ("active_users", "-4")))), "active_users", "-4");
        yield return Row("No record stops a cycle: a bad date keeps the opportunity aside",
            () => Erase(sf.Opportunity(Some.Raw("006000000000001AAA", ("AccountId", SfAccount), ("CloseDate", "31/01/2026")))), "CloseDate", "31/01/2026");
    }

    [TestCaseSource(nameof(BadRecords))]
    public void Map_BadRecord_ProblemWithIdFieldAndValueAndKeptAside(Func<CrmChange<object>> map, string field, string? value)
    {
        var change = map();

        Assert.Multiple(() =>
        {
            Assert.That(change.KeptAside, Is.True, "kept aside");
            Assert.That(change.Problems.Select(p => (p.RecordId, p.Field, p.Value)), Is.EqualTo(new[] { (change.Id, field, value) }));
            Assert.That(change.Problems.Single().Message, Is.Not.Empty);
        });
    }

    [Test(Description = "No record stops a cycle: the records around a bad one map as before")]
    public void Map_BadRecordsAmongGood_TheRestMappedNotKeptAside()
    {
        var sf = Some.SalesforceMapper();
        var raws = new[]
        {
            Some.Raw("003000000000001AAA", ("AccountId", SfAccount), ("CS_Stakeholder_Role__c", "Champion")),
            Some.Raw("003000000000002AAA", ("AccountId", null)),
            Some.Raw("003000000000003AAA", ("AccountId", "001000000000002")),
        };

        var changes = raws.Select(sf.Contact).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(changes.Select(c => c.KeptAside), Is.EqualTo(new[] { false, true, false }));
            Assert.That(changes[0].Record!.AccountId, Is.EqualTo(SfAccount));
            Assert.That(changes[2].Record!.AccountId, Is.EqualTo("001000000000002"), "a 15-character id is an id");
            Assert.That(changes[0].Problems.Concat(changes[2].Problems), Is.Empty);
        });
    }

    [Test(Description = "No record stops a cycle: a bad value in one of the worker's own fields does not keep the account aside (the next write overwrites it)")]
    public void Account_BadManagedValue_ReportedButNotKeptAside()
    {
        var change = Some.HubSpotMapper().Account(Some.Raw(HsCompany, ("cs_goal_clarity", "Hit"), ("hubspot_owner_id", "501")));

        Assert.That(change.Problems.Select(p => p.Field), Is.EqualTo(new[] { "cs_goal_clarity" }));
        Assert.That(change.KeptAside, Is.False);
        Assert.That(change.Record!.Account.OwnerId, Is.EqualTo("501"));
    }

    [Test(Description = "No record stops a cycle: without a configured segment picklist any segment is accepted")]
    public void Account_SegmentWithoutPicklist_Accepted()
    {
        var change = Some.SalesforceMapper().Account(Some.Raw(SfAccount, ("CS_Segment__c", "Enterprize")));

        Assert.That(change.Problems, Is.Empty);
        Assert.That(change.Record!.Account.Segment, Is.EqualTo("Enterprize"));
    }

    [Test(Description = "No record stops a cycle: an unexpected exception while mapping one record is that record's problem")]
    public void Map_ExceptionWhileMapping_ProblemOnTheWholeRecordKeptAside()
    {
        var mapper = new CanonicalMapper(DefaultMappings.Salesforce(), new ThrowingFormat());

        var change = mapper.Opportunity(Some.Raw("006000000000001AAA", ("AccountId", SfAccount), ("CloseDate", "2026-01-31")));

        Assert.Multiple(() =>
        {
            Assert.That(change.KeptAside, Is.True);
            Assert.That(change.Record, Is.Null);
            Assert.That(change.Problems.Select(p => (p.RecordId, p.Field)), Is.EqualTo(new[] { ("006000000000001AAA", CanonicalMapper.WholeRecord) }));
            Assert.That(change.Problems.Single().Message, Does.Contain("boom"));
        });
    }

    private static CanonicalMapper WithSegments(FieldMappingOptions mapping, IValueFormat format)
    {
        mapping.Picklists["segment"] = new() { ["Enterprise"] = "Enterprise", ["SMB"] = "SMB" };
        return new CanonicalMapper(mapping, format);
    }

    private static CrmChange<object> Erase<T>(CrmChange<T> c)
        where T : class => new(c.Id, c.ModifiedAt, c.Record, c.Deleted, c.Problems, c.LastModifiedBy) { KeptAside = c.KeptAside };

    private sealed class ThrowingFormat : IValueFormat
    {
        public bool TryParseDate(string text, out DateOnly value) => throw new FormatException("boom");

        public bool TryParseDateTime(string text, out DateTimeOffset instant) => throw new FormatException("boom");

        public bool TryParseBool(string text, out bool value) => bool.TryParse(text, out value);

        public bool TryParseNumber(string text, out double value) => double.TryParse(text, out value);

        public bool IsId(string text) => SalesforceValueFormat.Instance.IsId(text);

        public string FormatDate(DateOnly value) => SalesforceValueFormat.Instance.FormatDate(value);
    }
}

using System.Globalization;
using CrmStateSync.Crm.Catalogue;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Rules.Model;
using CrmStateSync.Sandbox.Seed;

namespace CrmStateSync.Sandbox.Tests.Seed;

/// <summary>
/// Issue 14 item 3: every <see cref="FieldCatalogue"/> field, set to a value that is not its default, goes through the
/// sandbox seed's <see cref="CanonicalFields"/> into a CRM record (field → text, as a connector reads it) and comes back
/// through the <see cref="CanonicalMapper"/> the same, for both CRMs' default mappings.
/// </summary>
[TestFixture]
internal sealed class CanonicalFieldsRoundTripTests
{
    private static readonly DateOnly Day = new(2026, 3, 1);

    private static IEnumerable<TestCaseData> Providers()
    {
        yield return new TestCaseData(DefaultMappings.Salesforce(), SalesforceValueFormat.Instance, "001000000000001AAA", "005000000000001AAA", "003000000000001AAA")
            .SetArgDisplayNames("Salesforce");
        yield return new TestCaseData(DefaultMappings.HubSpot(), HubSpotValueFormat.Instance, "1001", "5001", "3001").SetArgDisplayNames("HubSpot");
    }

    [TestCaseSource(nameof(Providers))]
    public void Account_EveryCatalogueField_ComesBackAsItWent(FieldMappingOptions mapping, IValueFormat format, string accountId, string ownerId, string contactId)
    {
        var account = new AccountSnapshot
        {
            Id = accountId, Name = "Acme", Segment = "Enterprise", OwnerId = ownerId, GoalOwnerId = contactId, PrimaryGoal = "Close the books faster",
            GoalReviewedOn = Day.AddDays(1), GoalChangedOn = Day.AddDays(2), LeadershipChangeOn = Day.AddDays(3), KickoffOn = Day.AddDays(4),
            OnboardingCompleteOn = Day.AddDays(5), WorkflowsLive = true, ConfigVerifiedOn = Day.AddDays(6), WorkflowGapOn = Day.AddDays(7),
            IntegrationStatus = IntegrationStatus.Broken, IntegrationChangedOn = Day.AddDays(8), InNewHireOnboarding = true, LastOutcomeOn = Day.AddDays(9),
            LastOutcome = "Closed in 3 days", AtRiskReason = "Budget cut", OverrideReason = "Exec escalation",
        };
        Assert.That(Unset(FieldCatalogue.Account, account), Is.Empty, "every field set");

        var fields = new CanonicalFields(mapping).Account(account, id => id, id => id);
        var change = new CanonicalMapper(mapping, format).Account(Raw(accountId, fields, format));

        Assert.That(change.Problems, Is.Empty);
        Assert.That(change.Record!.Account with { Managed = ManagedValues.Empty }, Is.EqualTo(account));
    }

    [TestCaseSource(nameof(Providers))]
    public void Opportunity_EveryCatalogueField_ComesBackAsItWent(FieldMappingOptions mapping, IValueFormat format, string accountId, string ownerId, string contactId)
    {
        var opportunity = new Opportunity
        {
            Id = "006000000000001AAA", IsClosed = true, IsWon = true, CloseDate = Day, Type = OpportunityType.Expansion,
            ContractStart = Day.AddDays(1), ContractEnd = Day.AddDays(366),
        };
        Assert.That(Unset(FieldCatalogue.Opportunity, opportunity), Is.Empty, "every field set");

        var change = new CanonicalMapper(mapping, format).Opportunity(Raw(opportunity.Id, new CanonicalFields(mapping).Opportunity(opportunity, accountId), format));

        Assert.That(change.Problems, Is.Empty);
        Assert.That(change.Record, Is.EqualTo(new Crm.Contract.OpportunityRecord(accountId, opportunity)));
    }

    [TestCaseSource(nameof(Providers))]
    public void Contact_EveryCatalogueField_ComesBackAsItWent(FieldMappingOptions mapping, IValueFormat format, string accountId, string ownerId, string contactId)
    {
        var contact = new Contact
        {
            Id = contactId, Function = "Finance", Role = ContactRole.ExecSponsor, LastActiveOn = Day, LastEngagedOn = Day.AddDays(1), DepartedOn = Day.AddDays(2),
        };
        Assert.That(Unset(FieldCatalogue.Contact, contact), Is.Empty, "every field set");

        var change = new CanonicalMapper(mapping, format).Contact(Raw(contact.Id, new CanonicalFields(mapping).Contact(contact, accountId), format));

        Assert.That(change.Problems, Is.Empty);
        Assert.That(change.Record, Is.EqualTo(new Crm.Contract.ContactRecord(accountId, contact)));
    }

    [TestCaseSource(nameof(Providers))]
    public void Usage_EveryCatalogueField_ComesBackAsItWent(FieldMappingOptions mapping, IValueFormat format, string accountId, string ownerId, string contactId)
    {
        var row = new UsageRow
        {
            Date = Day, ActiveUsers = 12, ValueActions = 3, CoreEvents = 140, Metrics = new Dictionary<string, double> { ["projects_created"] = 2.5 },
        };
        Assert.That(Unset(FieldCatalogue.Usage, row), Is.Empty, "every field set");

        var change = new CanonicalMapper(mapping, format).Usage(Raw("a0U000000000001AAA", new CanonicalFields(mapping).Usage(row, accountId), format));

        Assert.That(change.Problems, Is.Empty);
        Assert.That(change.Record!.AccountId, Is.EqualTo(accountId));
        Assert.That(change.Record.Usage with { Metrics = row.Metrics }, Is.EqualTo(row));
        Assert.That(change.Record.Usage.Metrics, Is.EquivalentTo(row.Metrics));
    }

    /// <summary>The catalogue fields of <paramref name="model"/> still at their type's default (null, false, 0, none).</summary>
    private static string[] Unset<T>(IReadOnlyList<CanonicalField<T>> fields, T model) =>
        [.. fields.Where(f => f.Value(model) is null or false or 0 or IReadOnlyDictionary<string, double> { Count: 0 }).Select(f => f.Key)];

    /// <summary>The seeded fields as a connector reads them: text, dates as the CRM writes them, numbers and booleans invariant.</summary>
    private static RawRecord Raw(string id, Dictionary<string, object?> fields, IValueFormat format) =>
        new(id, DateTimeOffset.UnixEpoch, false, fields.ToDictionary(f => f.Key, f => f.Value switch
        {
            null => null,
            DateOnly d => format.FormatDate(d),
            bool b => b ? "true" : "false",
            double n => n.ToString(CultureInfo.InvariantCulture),
            var v => Convert.ToString(v, CultureInfo.InvariantCulture),
        }, StringComparer.Ordinal));
}

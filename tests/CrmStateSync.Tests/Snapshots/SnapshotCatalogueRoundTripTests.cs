using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CrmStateSync.Crm.Catalogue;
using CrmStateSync.Rules.Model;
using CrmStateSync.Snapshots;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Snapshots;

/// <summary>
/// Issue 14 item 3: an account with every <see cref="FieldCatalogue"/> field set (and children with theirs), written as
/// snapshot JSON by System.Text.Json (camelCase, enums by name, dates as YYYY-MM-DD: rules.md §1, independent of the
/// catalogue), is read back by the snapshot reader unchanged and without a problem.
/// </summary>
[TestFixture]
internal sealed class SnapshotCatalogueRoundTripTests
{
    private static readonly DateOnly Day = new(2026, 3, 1);

    /// <summary>rules.md §1 JSON; <c>managed</c> is left out (its states are a set of its own, not input fields).</summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Type == typeof(AccountSnapshot) && info.Properties.FirstOrDefault(p => p.Name == "managed") is { } managed)
                    {
                        info.Properties.Remove(managed);
                    }
                },
            },
        },
    };

    [Test]
    public void Read_AccountWithEveryCatalogueFieldAsJson_ComesBackAsItWent()
    {
        var account = new AccountSnapshot
        {
            Id = "acct-1", Name = "Acme", Segment = "Enterprise", OwnerId = "owner-1", GoalOwnerId = "contact-1", PrimaryGoal = "Close the books faster",
            GoalReviewedOn = Day.AddDays(1), GoalChangedOn = Day.AddDays(2), LeadershipChangeOn = Day.AddDays(3), KickoffOn = Day.AddDays(4),
            OnboardingCompleteOn = Day.AddDays(5), WorkflowsLive = true, ConfigVerifiedOn = Day.AddDays(6), WorkflowGapOn = Day.AddDays(7),
            IntegrationStatus = IntegrationStatus.Broken, IntegrationChangedOn = Day.AddDays(8), InNewHireOnboarding = true, LastOutcomeOn = Day.AddDays(9),
            LastOutcome = "Closed in 3 days", AtRiskReason = "Budget cut", OverrideReason = "Exec escalation",
            LastWritten = new LastWritten { Stage = "Adopting", StageSource = StageSource.Manual, StageSetOn = Day.AddDays(10) },
            Opportunities =
            [
                new Opportunity
                {
                    Id = "opp-1", IsClosed = true, IsWon = true, CloseDate = Day, Type = OpportunityType.Expansion, ContractStart = Day.AddDays(1), ContractEnd = Day.AddDays(366),
                },
            ],
            Contacts =
            [
                new Contact { Id = "contact-1", Function = "Finance", Role = ContactRole.ExecSponsor, LastActiveOn = Day, LastEngagedOn = Day.AddDays(1), DepartedOn = Day.AddDays(2) },
            ],
            Usage = [new UsageRow { Date = Day, ActiveUsers = 12, ValueActions = 3, CoreEvents = 140, Metrics = new Dictionary<string, double> { ["projects_created"] = 2.5 } }],
        };
        Assert.Multiple(() =>
        {
            Assert.That(Unset(FieldCatalogue.Account, account), Is.Empty, "every account field set");
            Assert.That(Unset(FieldCatalogue.Opportunity, account.Opportunities[0]), Is.Empty, "every opportunity field set");
            Assert.That(Unset(FieldCatalogue.Contact, account.Contacts[0]), Is.Empty, "every contact field set");
            Assert.That(Unset(FieldCatalogue.Usage, account.Usage[0]), Is.Empty, "every usage field set");
        });
        using var folder = new TempFolder();
        var file = folder.Write("snapshots.json", $"{{\"asOf\":\"2026-06-01\",\"accounts\":[{JsonSerializer.Serialize(account, Json)}]}}");

        var batch = SnapshotFileReader.Read(file);

        Assert.That(batch.Problems, Is.Empty);
        Assert.That(batch.Accounts, Has.Count.EqualTo(1));
        Assert.That(JsonSerializer.Serialize(batch.Accounts[0], Json), Is.EqualTo(JsonSerializer.Serialize(account, Json)));
        Assert.That(batch.Accounts[0].Managed, Is.SameAs(ManagedValues.Empty));
    }

    /// <summary>The catalogue fields of <paramref name="model"/> still at their type's default (null, false, 0, none).</summary>
    private static string[] Unset<T>(IReadOnlyList<CanonicalField<T>> fields, T model) =>
        [.. fields.Where(f => f.Value(model) is null or false or 0 or IReadOnlyDictionary<string, double> { Count: 0 }).Select(f => f.Key)];
}

using CrmStateSync.Rules.Model;

namespace CrmStateSync.Tests.Configuration;

/// <summary>Seed 003's nine-state lifecycle on hand-made snapshots, stages read from the seed's definitions.</summary>
public partial class PresetTests
{
    private static DateOnly DaysAgo(int days) => AsOf.AddDays(-days);

    public static IEnumerable<TestCaseData> NineStateCases()
    {
        yield return Case("no contact, no opportunity", Prospect(), "Unknown");
        yield return Case("a contactable potential customer", Prospect() with { Contacts = [User("c-it", "IT", 3)] }, "Lead");
        yield return Case("2 of 3 ICP criteria and a problem confirmed 10 days ago, an open deal", Icp(goalReviewedDaysAgo: 10), "Opportunity");
        yield return Case("ICP fit but the problem was confirmed 45 days ago: not Qualified, so not yet Opportunity", Icp(goalReviewedDaysAgo: 45), "Lead");
        yield return Case("contract signed, no usage yet", Customer(), "Customer");
        yield return Case("3+ core events in the last 30 days and 2+ active users", Customer() with { Usage = ActiveUsage() }, "Active");
        yield return Case("active with an open expansion opportunity", Customer() with { Usage = ActiveUsage(), Opportunities = [Won(), OpenExpansion()] }, "Expansion");
        yield return Case("renewal within 60 days", Customer() with { Opportunities = [Won(contractEndsInDays: 30)] }, "Risk");
        yield return Case("core events down 50%", Customer() with { Opportunities = [Won(closedDaysAgo: 120)], Usage = [Usage(5, 2, 2), Usage(40, 2, 10)] }, "Risk");
        yield return Case("the contract ended", Customer() with { Opportunities = [Won(contractEndsInDays: -10)] }, "Dormant");
    }

    [TestCaseSource(nameof(NineStateCases))]
    public void Evaluate_NineStateLifecycle_StageFromTheSeedsDefinitions(AccountSnapshot snapshot, string stage) =>
        Assert.That(Engine("nine-state-lifecycle").Evaluate(snapshot, AsOf).Stage.Stage, Is.EqualTo(stage));

    [Test]
    public void Evaluate_NineStateCustomerAtGoLive_StampedWithTheWonDateAndTimeToValueToActive()
    {
        var result = Engine("nine-state-lifecycle").Evaluate(Customer() with { Usage = ActiveUsage() }, AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.EntryDates["Customer"], Is.EqualTo(DaysAgo(20)));
            Assert.That(result.Stage.EntryDates["Active"], Is.EqualTo(AsOf));
            Assert.That(result.Stage.TimeToValueDays, Is.EqualTo(20));
        }
    }

    private static TestCaseData Case(string description, AccountSnapshot snapshot, string stage) =>
        new TestCaseData(snapshot, stage).SetArgDisplayNames(description, stage);

    private static AccountSnapshot Prospect() => new() { Id = "acc-1", Segment = "SMB" };

    private static AccountSnapshot Icp(int goalReviewedDaysAgo) => Prospect() with
    {
        Segment = "Enterprise",
        PrimaryGoal = "Cut invoice processing time in half",
        GoalReviewedOn = DaysAgo(goalReviewedDaysAgo),
        Contacts = [new Contact { Id = "c-cfo", Function = "Finance", Role = ContactRole.ExecSponsor, LastEngagedOn = DaysAgo(7) }, User("c-ap", "Accounts Payable", 3)],
        Opportunities = [new Opportunity { Id = "o-open", CloseDate = AsOf.AddDays(50), Type = OpportunityType.NewBusiness }],
    };

    private static AccountSnapshot Customer() => Prospect() with { Contacts = [User("c-it", "IT", 3)], Opportunities = [Won()] };

    private static Opportunity Won(int contractEndsInDays = 345, int closedDaysAgo = 20) => new()
    {
        Id = "o-won", IsClosed = true, IsWon = true, CloseDate = DaysAgo(closedDaysAgo), Type = OpportunityType.NewBusiness,
        ContractStart = DaysAgo(closedDaysAgo), ContractEnd = AsOf.AddDays(contractEndsInDays),
    };

    private static Opportunity OpenExpansion() => new() { Id = "o-exp", CloseDate = AsOf.AddDays(40), Type = OpportunityType.Expansion };

    private static Contact User(string id, string function, int activeDaysAgo) =>
        new() { Id = id, Function = function, Role = ContactRole.User, LastActiveOn = DaysAgo(activeDaysAgo) };

    private static UsageRow Usage(int daysAgo, int activeUsers, int coreEvents) =>
        new() { Date = DaysAgo(daysAgo), ActiveUsers = activeUsers, CoreEvents = coreEvents };

    private static IReadOnlyList<UsageRow> ActiveUsage() => [Usage(3, 2, 2), Usage(10, 1, 1)];
}

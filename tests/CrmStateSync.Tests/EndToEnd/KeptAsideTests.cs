using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// sync.md "No record stops a cycle", end to end through the sandbox, the real connectors and a real SQLite file: bad
/// records of five kinds are kept aside, the rest of the org is written, <c>problems list</c> shows them, and once
/// they are fixed in the CRM the next cycle picks them up and closes their problems.
/// </summary>
public class KeptAsideTests
{
    [TestCase("salesforce", TestName = "No record stops a cycle (Salesforce): private contact, opportunity without account, usage for an unknown account, negative count, bad date")]
    [TestCase("hubspot", TestName = "No record stops a cycle (HubSpot): contact and deal with no company association, usage for an unknown company, negative count, bad date")]
    public async Task RunCycle_BadRecordsOfFiveKinds_CompletesListsThemAndPicksThemUpOnceFixed(string crm)
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy(), E2e.BrokenIntegration(), E2e.NewCustomer(), E2e.Healthy("Typo Corp")], crm: crm);
        var champion = s.ChildrenOf("Contact", "Steady Inc")[1];
        var deal = s.ChildrenOf("Opportunity", "Fresh Co").Single();
        var usage = s.ChildrenOf("Usage", "Cracked Ltd");
        var (orphan, negative) = (usage[^2], usage[^1]);
        var unknownAccount = crm == "hubspot" ? "99999999" : "001SBX000000099999";
        s.LinkTo("Contact", champion, null);
        s.LinkTo("Opportunity", deal, null);
        s.LinkTo("Usage", orphan, unknownAccount);
        s.EditRecord("Usage", negative, ("activeUsers", -3d));
        s.HumanEdit("Typo Corp", ("goalReviewedOn", "next tuesday"));

        var first = await s.CycleAsync();
        var open = Problems(s, "--open");

        Assert.Multiple(() =>
        {
            Assert.That(first.Summary.Outcome, Is.EqualTo("partial"), first.Summary.ToString());
            Assert.That(first.Summary.Problems, Is.EqualTo(5));
            Assert.That(s.Text("Steady Inc", ManagedField.Stage), Is.EqualTo("Healthy"), "the rest of the org is written");
            Assert.That(s.Text("Cracked Ltd", ManagedField.Stage), Is.EqualTo("Healthy"));
            Assert.That(s.Text("Typo Corp", ManagedField.Stage), Is.Null, "kept aside: not evaluated, not written");
            Assert.That(open.Select(p => (p.Object, p.Record, p.Value)), Is.EquivalentTo(new[]
            {
                ("Contact", champion, (string?)null), ("Opportunity", deal, null), ("Usage", orphan, unknownAccount),
                ("Usage", negative, "-3"), ("Account", s.IdOf("Typo Corp"), "next tuesday"),
            }));
            Assert.That(open.Select(p => p.Field), Has.All.Not.Empty);
        });

        s.LinkTo("Contact", champion, s.IdOf("Steady Inc"));
        s.LinkTo("Opportunity", deal, s.IdOf("Fresh Co"));
        s.LinkTo("Usage", orphan, s.IdOf("Cracked Ltd"));
        s.EditRecord("Usage", negative, ("activeUsers", 3d));
        s.HumanEdit("Typo Corp", ("goalReviewedOn", E2e.DaysAgo(30)));
        var second = await s.CycleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(second.Summary.Outcome, Is.EqualTo("ok"), second.Summary.ToString());
            Assert.That(Problems(s, "--open"), Is.Empty, "every problem closed once its record was read back fine");
            Assert.That(Problems(s), Has.Count.EqualTo(5), "the first run's problems stay in the history");
            Assert.That(s.Text("Typo Corp", ManagedField.Stage), Is.EqualTo("Healthy"), "picked up once fixed");
            Assert.That(s.Text("Fresh Co", ManagedField.Stage), Is.EqualTo("New Customer"), "its deal is back: evaluated with it");
            Assert.That(s.Text("Fresh Co", ManagedField.StageEntryDate("New Customer")), Is.EqualTo("2026-05-25"));
        });
    }

    [TestCase("salesforce", TestName = "No record stops a cycle (Salesforce): a synced contact made private and a deal unlinked keep their last good copy; once fixed nothing differs")]
    [TestCase("hubspot", TestName = "No record stops a cycle (HubSpot): a synced contact and deal losing their company keep their last good copy; once fixed nothing differs")]
    public async Task RunCycle_SyncedChildrenBrokenThenFixed_AccountsEvaluatedAsIfNeverBroken(string crm)
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy(), E2e.NewCustomer()], crm: crm);
        await s.CycleAsync();
        var before = Managed(s);
        var writes = s.Requests.Writes;
        var champion = s.ChildrenOf("Contact", "Steady Inc")[1];
        var deal = s.ChildrenOf("Opportunity", "Fresh Co").Single();
        s.LinkTo("Contact", champion, null);
        s.LinkTo("Opportunity", deal, null);

        var broken = await s.CycleAsync();
        var whileBroken = Managed(s);
        s.LinkTo("Contact", champion, s.IdOf("Steady Inc"));
        s.LinkTo("Opportunity", deal, s.IdOf("Fresh Co"));
        var fixedCycle = await s.CycleAsync();

        Assert.Multiple(() =>
        {
            Assert.That((broken.Summary.Outcome, broken.Summary.Problems), Is.EqualTo(("partial", 2)));
            Assert.That(whileBroken, Is.EqualTo(before), "Fresh Co keeps its deal, Steady Inc its champion: no entry date is stamped from a bad edit");
            Assert.That(fixedCycle.Summary.Outcome, Is.EqualTo("ok"));
            Assert.That(Managed(s), Is.EqualTo(before));
            Assert.That(s.Requests.Writes, Is.EqualTo(writes), "nothing to write, while broken or once fixed");
            Assert.That(Problems(s, "--open"), Is.Empty);
        });
    }

    private static List<string?> Managed(SyncScenario s) =>
        [.. new[] { "Steady Inc", "Fresh Co" }.SelectMany(n => new[]
        {
            s.Text(n, ManagedField.Stage), s.Text(n, ManagedField.StageEntryDate("New Customer")), s.Text(n, ManagedField.State(Rules.Model.CsState.MultiStakeholderEngagement)),
        })];

    private static List<(string Object, string Record, string Field, string? Value)> Problems(SyncScenario s, params string[] filters)
    {
        var run = CommandRun.Of(["problems", "list", "--database", s.DatabasePath, "--format", "json", .. filters]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        return
        [
            .. run.Json().GetProperty("problems").EnumerateArray().Select(p => (
                p.GetProperty("object").GetString()!, p.GetProperty("record").GetString()!, p.GetProperty("field").GetString()!,
                p.GetProperty("value").ValueKind == JsonValueKind.Null ? null : p.GetProperty("value").GetString())),
        ];
    }
}

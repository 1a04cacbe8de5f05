namespace CrmStateSync.Tests.AdminConsole;

/// <summary>The overview over a store real cycles wrote (<see cref="ConsoleScenario"/>): what waits for an admin is counted.</summary>
public sealed class ConsoleOverviewTests
{
    [Test]
    public async Task Overview_after_a_partial_cycle_shows_its_outcome_the_open_conflict_and_the_problem()
    {
        await using var s = await ConsoleScenario.StartAsync();
        await using var console = await ConsoleScenario.ServeAsync(s);
        using var client = await console.SignedInAsync();

        var page = await client.GetStringAsync("/");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page, Does.Contain("<p class=\"big\">e2e</p><p>salesforce · 3 accounts"));
            Assert.That(page, Does.Contain("<a href=\"/runs/2\" class=\"outcome warn\">partial</a>"), "the last cycle");
            Assert.That(page, Does.Contain("<a href=\"/conflicts?open=true\">1</a>"), "one open conflict");
            Assert.That(page, Does.Contain("1 unreadable or kept aside · 0 rejected writes"));
            Assert.That(page, Does.Contain("<a href=\"/runs/2\">1</a>"), "open problems lead to the run that met them");
            Assert.That(page, Does.Match(@"the org has used \d+ of 1,000,000 requests"), "the sandbox's Sforce-Limit-Info, kept with the run");
            Assert.That(page, Does.Contain("<td><a href=\"/runs/1\">#1</a></td>"), "both runs listed");
        }
    }
}

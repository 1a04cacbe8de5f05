using System.Net;
using CrmStateSync.Store;

namespace CrmStateSync.Tests.AdminConsole;

/// <summary>
/// Issue 15's runs: the cycle history paged by run id, and one run's page with its counts, its calls by kind, its
/// problems and the writes the CRM refused (its code and message), each linking to the account it concerns.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ConsoleRunsTests
{
    [Test]
    public async Task The_runs_list_shows_fifty_newest_first_and_links_the_older_ones()
    {
        await using var console = await ConsoleHarness.StartAsync(async store =>
        {
            for (var i = 0; i < 55; i++)
            {
                await ConsoleSeed.RunAsync(store, new RunCounts(Read: i));
            }
        });
        using var client = await console.SignedInAsync(ConsoleHarness.Viewer);

        var first = await client.GetStringAsync("/runs");
        var second = await client.GetStringAsync("/runs?before=6");

        Assert.That(ConsoleSeed.RunIds(first), Is.EqualTo(Enumerable.Range(6, 50).Reverse().Select(i => (long)i)));
        Assert.That(first, Does.Contain("<a href=\"/runs?before=6\">Older →</a>"));
        Assert.That(ConsoleSeed.RunIds(second), Is.EqualTo(new long[] { 5, 4, 3, 2, 1 }));
        Assert.That(second, Does.Not.Contain("Older →"));
    }

    [Test]
    public async Task A_run_page_shows_its_calls_by_kind_its_problems_and_its_refused_writes_each_linking_to_the_account()
    {
        await using var console = await ConsoleHarness.StartAsync(SeedTwoRunsAsync);
        using var client = await console.SignedInAsync(ConsoleHarness.Viewer);

        var page = await client.GetStringAsync("/runs/1");

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("<h1>Run #1 <span class=\"outcome warn\">partial</span></h1>"));
            Assert.That(page, Does.Contain("<tr><td>query</td><td class=\"n\">3</td></tr>").And.Contain("<tr><td>token</td><td class=\"n\">1</td></tr>").And.Contain("<tr><td>write</td><td class=\"n\">2</td></tr>"));
            Assert.That(page, Does.Contain("<a href=\"/accounts/001ACME\">001ACME</a>"), "an account's problem links its page");
            Assert.That(page, Does.Contain("could not be evaluated: boom").And.Contain("retried next cycle"));
            Assert.That(page, Does.Contain("<a href=\"/accounts/001ACME\">003KNOWN</a>"), "a contact of a known account links that account");
            Assert.That(page, Does.Contain("is not a known stakeholderRole value").And.Contain("Sponsor").And.Contain("read without it"));
            Assert.That(page, Does.Contain("003ORPHAN").And.Contain("kept aside").And.Not.Contain("/accounts/003ORPHAN"), "no account known: the id without a link");
            Assert.That(page, Does.Contain("<a href=\"/accounts/001ACME\">Acme Corp</a>"), "the refused write links its account");
            Assert.That(page, Does.Contain("FIELD_CUSTOM_VALIDATION_EXCEPTION").And.Contain("Stage is locked (Customer_Lifecycle_Stage__c)").And.Contain("still refused"));
            Assert.That(page, Does.Not.Contain("UNABLE_TO_LOCK_ROW"), "run 2's refusal, though both runs started at the same instant");
        });
    }

    [Test]
    public async Task A_write_refused_in_the_second_run_is_on_the_second_runs_page()
    {
        await using var console = await ConsoleHarness.StartAsync(SeedTwoRunsAsync);
        using var client = await console.SignedInAsync(ConsoleHarness.Viewer);

        var page = await client.GetStringAsync("/runs/2");

        Assert.That(page, Does.Contain("UNABLE_TO_LOCK_ROW").And.Contain("<a href=\"/accounts/001BETA\">001BETA</a>").And.Not.Contain("FIELD_CUSTOM_VALIDATION_EXCEPTION"));
        Assert.That(page, Does.Contain("Not counted by kind for this run"));
        Assert.That(page, Does.Contain("No unreadable value, kept-aside record or failure here."));
    }

    [Test]
    public async Task A_run_with_more_than_a_hundred_problems_pages_them_by_problem_id()
    {
        await using var console = await ConsoleHarness.StartAsync(async store =>
        {
            await store.StartRunAsync("sync", default);
            await store.AddProblemsAsync([.. Enumerable.Range(1, 105).Select(i => new NewProblem("Account", $"001P{i:000}", "(evaluation)", null, $"failure {i:000}", ProblemKind.Failed, false))], default);
        });
        using var client = await console.SignedInAsync(ConsoleHarness.Viewer);

        var first = await client.GetStringAsync("/runs/1");
        var second = await client.GetStringAsync("/runs/1?problems=100");

        Assert.That(first, Does.Contain("failure 001").And.Contain("failure 100").And.Not.Contain("failure 101"));
        Assert.That(first, Does.Contain("<a href=\"/runs/1?problems=100#problems\">More problems →</a>"));
        Assert.That(second, Does.Contain("failure 101").And.Contain("failure 105").And.Not.Contain("failure 100<"));
        Assert.That(second, Does.Not.Contain("More problems"));
    }

    [Test]
    public async Task The_run_api_answers_the_run_with_its_calls_by_kind_and_404_for_an_unknown_run()
    {
        await using var console = await ConsoleHarness.StartAsync(SeedTwoRunsAsync);
        using var client = await console.SignedInAsync(ConsoleHarness.Viewer);

        var json = await client.GetStringAsync("/api/runs/1");
        using var unknown = await client.GetAsync("/api/runs/99");
        using var anonymous = await console.Client().GetAsync("/api/runs/1");

        Assert.That(json, Does.Contain("\"callsByKind\":{\"query\":3,\"token\":1,\"write\":2}"));
        Assert.That(json, Does.Contain("\"code\":\"FIELD_CUSTOM_VALIDATION_EXCEPTION\"").And.Contain("\"recordId\":\"003KNOWN\""));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    /// <summary>
    /// Run 1: an account whose evaluation failed, a contact of a cached account with an unreadable value, a contact kept
    /// aside with no account, a write refused; calls by kind. Run 2, started at the same instant (the harness's clock is
    /// fixed): another refused write.
    /// </summary>
    private static async Task SeedTwoRunsAsync(SqliteSyncStore store)
    {
        await ConsoleSeed.AccountAsync(store, ConsoleSeed.Acme, ConsoleSeed.AcmeName);
        var run = await store.StartRunAsync("sync", default);
        await store.AddProblemsAsync([new NewProblem("Account", ConsoleSeed.Acme, "(evaluation)", null, "could not be evaluated: boom", ProblemKind.Failed, false)], default);
        await ConsoleSeed.ContactProblemAsync(store, "003KNOWN", ConsoleSeed.Acme, "CS_Stakeholder_Role__c", "Sponsor", "is not a known stakeholderRole value", keptAside: false);
        await ConsoleSeed.ContactProblemAsync(store, "003ORPHAN", "", "AccountId", null, "is empty", keptAside: true);
        await ConsoleSeed.RefusedWriteAsync(store, ConsoleSeed.Acme, "FIELD_CUSTOM_VALIDATION_EXCEPTION", "Stage is locked");
        var calls = new Dictionary<string, long> { ["query"] = 3, ["token"] = 1, ["write"] = 2 };
        await store.FinishRunAsync(run, "partial", new RunCounts(Read: 3, Rejected: 1, Problems: 3, ApiCalls: 6) { CallsByKind = calls }, default);
        var second = await store.StartRunAsync("sync", default);
        await ConsoleSeed.RefusedWriteAsync(store, "001BETA", "UNABLE_TO_LOCK_ROW", "Record locked");
        await store.FinishRunAsync(second, "partial", new RunCounts(Rejected: 1), default);
    }
}

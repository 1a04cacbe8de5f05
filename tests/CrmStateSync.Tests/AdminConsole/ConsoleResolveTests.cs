using System.Net;
using CrmStateSync.Store;

namespace CrmStateSync.Tests.AdminConsole;

/// <summary>
/// Issue 15's resolve: keep the CRM value or the engine value, confirmed first, recorded with the signed-in admin's name
/// as <c>conflicts resolve</c> records it; a conflict no longer open is refused with the reason and nothing changed;
/// a viewer neither sees the buttons nor can post; a post without the anti-forgery token is refused.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ConsoleResolveTests
{
    private static readonly Dictionary<string, string> KeepEngine = new() { ["keep"] = "engine" };

    [Test]
    public async Task An_admin_resolves_through_the_confirmation_and_the_page_shows_it_resolved()
    {
        await using var console = await ConsoleHarness.StartAsync(ConsoleConflictsTests.SeedFiveAsync);
        using var client = await console.SignedInAsync(ConsoleHarness.Admin);

        var conflict = await client.GetStringAsync("/conflicts/1");
        var confirm = await client.GetStringAsync("/conflicts/1/resolve?keep=engine");
        var before = await ConflictAsync(console, 1);
        using var posted = await ConsoleHarness.PostFormAsync(client, "/conflicts/1/resolve?keep=engine", "/conflicts/1/resolve", KeepEngine);
        var after = await ConflictAsync(console, 1);
        var shown = await client.GetStringAsync(posted.Headers.Location!.OriginalString);

        Assert.Multiple(() =>
        {
            Assert.That(conflict, Does.Contain("<button type=\"submit\" name=\"keep\" value=\"crm\" class=\"secondary\">Keep the CRM value</button>")
                .And.Contain(">Keep the engine value</button>"));
            Assert.That(confirm, Does.Contain("You are about to keep the <strong>engine value</strong> <q class=\"value\">Onboarding</q> of <strong>stage</strong>")
                .And.Contain("over the CRM value\n            <q class=\"value\">Adopting</q>")
                .And.Contain("The worker writes its computed value on the next cycle.")
                .And.Contain("resolved by <strong>ada</strong> on 2026-11-23")
                .And.Contain("Confirm: keep the engine value"));
            Assert.That(before!.ResolvedOn, Is.Null, "showing the confirmation changes nothing");
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(posted.Headers.Location!.OriginalString, Is.EqualTo("/conflicts/1?resolved=true"));
            Assert.That((after!.ResolvedKeep, after.ResolvedBy, after.ResolvedOn), Is.EqualTo(((ConflictKeep?)ConflictKeep.Engine, "ada", (DateOnly?)new DateOnly(2026, 11, 23))));
            Assert.That(shown, Does.Contain("Resolved: kept the engine value.").And.Contain("· by ada").And.Contain("· on 2026-11-23").And.Contain("applied on the next cycle"));
            Assert.That(shown, Does.Not.Contain("Keep the CRM value"), "no buttons once resolved");
        });
    }

    [Test]
    public async Task Resolving_a_conflict_already_resolved_changes_nothing_and_says_so()
    {
        await using var console = await ConsoleHarness.StartAsync(async store =>
        {
            await ConsoleConflictsTests.SeedFiveAsync(store);
            await store.ResolveConflictAsync(1, ConflictKeep.Crm, new DateOnly(2026, 11, 22), "bob", default);
        });
        using var client = await console.SignedInAsync(ConsoleHarness.Admin);

        var confirm = await client.GetStringAsync("/conflicts/1/resolve?keep=engine");
        using var posted = await ConsoleHarness.PostFormAsync(client, "/conflicts/1", "/conflicts/1/resolve", KeepEngine);
        using var settled = await ConsoleHarness.PostFormAsync(client, "/conflicts/2", "/conflicts/2/resolve", KeepEngine);
        var (postedText, settledText) = (await posted.Content.ReadAsStringAsync(), await settled.Content.ReadAsStringAsync());
        var after = await ConflictAsync(console, 1);
        var reverted = await ConflictAsync(console, 2);

        Assert.Multiple(() =>
        {
            Assert.That(confirm, Does.Contain("Conflict 1 was already resolved on 2026-11-22 (kept crm) by bob").And.Not.Contain("Confirm: keep"));
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(postedText, Does.Contain("was already resolved on 2026-11-22 (kept crm) by bob, not applied yet; nothing changed."));
            Assert.That((after!.ResolvedKeep, after.ResolvedBy), Is.EqualTo(((ConflictKeep?)ConflictKeep.Crm, "bob")));
            Assert.That(settled.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(settledText, Does.Contain("Conflict 2 is not open: the worker wrote the computed value back over the human edit"));
            Assert.That(reverted!.ResolvedOn, Is.Null);
        });
    }

    [Test]
    public async Task A_viewer_sees_no_resolve_buttons_and_is_refused_403_on_post()
    {
        await using var console = await ConsoleHarness.StartAsync(ConsoleConflictsTests.SeedFiveAsync);
        using var client = await console.SignedInAsync(ConsoleHarness.Viewer);

        var page = await client.GetStringAsync("/conflicts/1");
        using var confirm = await client.GetAsync("/conflicts/1/resolve?keep=crm");
        using var posted = await ConsoleHarness.PostFormAsync(client, "/conflicts/1", "/conflicts/1/resolve", KeepEngine);

        Assert.That(page, Does.Contain("<h1>Conflict #1").And.Not.Contain("Keep the CRM value").And.Not.Contain("Keep the engine value"));
        Assert.That(confirm.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(confirm.Headers.Location!.AbsolutePath, Is.EqualTo("/denied"));
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await ConflictAsync(console, 1))!.ResolvedOn, Is.Null);
    }

    [Test]
    public async Task A_resolve_post_without_the_anti_forgery_token_is_refused_400_and_changes_nothing()
    {
        await using var console = await ConsoleHarness.StartAsync(ConsoleConflictsTests.SeedFiveAsync);
        using var client = await console.SignedInAsync(ConsoleHarness.Admin);

        using var forged = await client.PostAsync("/conflicts/1/resolve", new FormUrlEncodedContent(KeepEngine));

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await ConflictAsync(console, 1))!.ResolvedOn, Is.Null);
    }

    private static async Task<ConflictEntry?> ConflictAsync(ConsoleHarness console, long id)
    {
        await using var store = await SqliteSyncStore.OpenAsync(console.StorePath, ConsoleHarness.OrgId, "salesforce");
        return await store.GetConflictAsync(id, default);
    }
}

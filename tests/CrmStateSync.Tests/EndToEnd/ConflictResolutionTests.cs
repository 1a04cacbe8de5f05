using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Store;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// sync.md step 4 and the command line: a human edit under <c>Review</c> is left open for an admin; <c>conflicts resolve
/// ID --keep engine</c> makes the next cycle write the computed value, <c>--keep crm</c> keeps the human value — and
/// neither is logged or written again. Issue 13 item 1: the next <c>sync --once</c> said <c>evaluated 0, written 0</c>.
/// Every step goes through <see cref="Program.Run"/> with an appsettings file pointing at the sandbox; the CRM's value is
/// read back from the sandbox.
/// </summary>
public class ConflictResolutionTests
{
    private const string Account = "Steady Inc";
    private static readonly string Field = ManagedField.State(CsState.GoalClarity);
    private static readonly TimeProvider Noon = new FixedClock(E2e.AsOf.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));

    [Test]
    public async Task Resolve_KeepEngine_NextSyncWritesTheComputedValueOnce()
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy()]);
        using var folder = new TempFolder();
        var (config, id) = OpenConflict(s, folder);

        var resolve = Run(config, "conflicts", "resolve", id, "--keep", "engine", "--by", "ada");
        var applied = Run(config, "sync", "--once");
        var again = Run(config, "sync", "--once");
        var shown = Run(config, "conflicts", "show", id);
        var conflicts = await ConflictsAsync(folder);

        Assert.Multiple(() =>
        {
            Assert.That(resolve.ExitCode, Is.EqualTo(ExitCodes.Success), resolve.Error);
            Assert.That(applied.ExitCode, Is.EqualTo(ExitCodes.Success), applied.Error);
            Assert.That(applied.Output, Does.Contain("evaluated 1,").And.Contain("written 1,"), "the resolved account is evaluated and written");
            Assert.That(s.Value(Account, Field), Is.EqualTo("Hit"), "the CRM now holds the engine's value");
            Assert.That(again.Output, Does.Contain("written 0,").And.Contain("conflicts 0"), "nothing to write, nothing new to log");
            Assert.That(conflicts, Has.Count.EqualTo(1), "the resolution is not logged as a new conflict");
            Assert.That((conflicts[0].ResolvedKeep, conflicts[0].ResolvedOn), Is.EqualTo(((ConflictKeep?)ConflictKeep.Engine, (DateOnly?)E2e.AsOf)));
            Assert.That(conflicts[0].AppliedAt, Is.Not.Null, "the CRM confirmed the engine value");
            Assert.That(shown.Output, Does.Match(@"resolved\s+2026-06-01 \(kept engine\) by ada, applied \d{4}-\d{2}-\d{2}"));
        });
    }

    [Test]
    public async Task Resolve_KeepCrm_TheHumanValueStaysAndIsNotLoggedAgain()
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy()]);
        using var folder = new TempFolder();
        var (config, id) = OpenConflict(s, folder);

        var resolve = Run(config, "conflicts", "resolve", id, "--keep", "crm");
        var next = Run(config, "sync", "--once");
        var again = Run(config, "sync", "--once");
        var conflicts = await ConflictsAsync(folder);

        Assert.Multiple(() =>
        {
            Assert.That(resolve.ExitCode, Is.EqualTo(ExitCodes.Success), resolve.Error);
            Assert.That(next.Output, Does.Contain("written 0,").And.Contain("conflicts 0"), next.Error);
            Assert.That(again.Output, Does.Contain("written 0,").And.Contain("conflicts 0"));
            Assert.That(s.Value(Account, Field), Is.EqualTo("Reset"), "the human value stays");
            Assert.That(conflicts, Has.Count.EqualTo(1));
            Assert.That(conflicts[0].ResolvedKeep, Is.EqualTo(ConflictKeep.Crm));
            Assert.That(conflicts[0].AppliedAt, Is.Not.Null, "the next cycle evaluated the account and left the human value");
        });
    }

    /// <summary>A first sync, a human edit of Goal Clarity under Review, a second sync that logs it open; its id.</summary>
    private static (string Config, string Id) OpenConflict(SyncScenario s, TempFolder folder)
    {
        var config = folder.Write("appsettings.json", JsonSerializer.Serialize(new
        {
            Worker = new { Provider = "salesforce", OrgId = "00Dresolve", DatabasePath = Path.Combine(folder.Path, "state.db") },
            Crm = new { Salesforce = new { LoginUrl = s.Sandbox.Url.ToString(), ClientId = s.Sandbox.Options.SalesforceClientId, ClientSecret = s.Sandbox.Options.SalesforceClientSecret } },
            Sync = new { Ownership = new { States = "Review" } },
        }));
        var first = Run(config, "sync", "--once");
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success), first.Error);
        s.HumanEdit(Account, (Field, "Reset"));
        var logged = Run(config, "sync", "--once");
        Assert.That(logged.Output, Does.Contain("conflicts 1"), logged.Error);
        Assert.That(s.Value(Account, Field), Is.EqualTo("Reset"), "left for an admin");
        var list = Run(config, "conflicts", "list", "--open", "--format", "json");
        var open = list.Json().GetProperty("conflicts").EnumerateArray().ToList();
        var ids = open.Select(c => c.GetProperty("id").GetInt64()).ToList();
        Assert.That(ids, Has.Count.EqualTo(1), list.Error);
        Assert.That(open[0].GetProperty("accountName").GetString(), Is.EqualTo(Account), "the log names the account as the CRM does");
        return (config, ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static CommandRun Run(string config, params string[] args) => CommandRun.Of(Noon, [.. args, "--config", config]);

    private static async Task<IReadOnlyList<ConflictEntry>> ConflictsAsync(TempFolder folder)
    {
        await using var store = await SqliteSyncStore.OpenAsync(Path.Combine(folder.Path, "state.db"), "00Dresolve", "salesforce");
        return await store.ListConflictsAsync(null, CancellationToken.None);
    }
}

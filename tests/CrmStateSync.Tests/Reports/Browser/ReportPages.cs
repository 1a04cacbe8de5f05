using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;
using CrmStateSync.Store;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Tests.Reports.Browser;

/// <summary>
/// The report pages the browser tests open, made as an admin makes them: <c>demo</c> syncs a sandbox org into a real
/// SQLite file; the file then gets what a sandbox sync of two cycles does not produce — an account in a stage with a
/// very long name that none has left yet (no completed stay), an HTML-looking account name, and a conflict log (open,
/// reverted, accepted and resolved human edits) — through the store's API; then <c>report all --format html</c> writes
/// the page. A second page is the report of an empty store: the file as the worker creates it on start, before any cycle.
/// </summary>
internal sealed class ReportPages : IDisposable
{
    public const string LongStage = "Executive Business Review Preparation and Renewal Negotiation With Procurement";
    public const string HtmlName = "<script>alert(\"x\")</script> & Sons <b>Ltd</b>";
    public static readonly DateOnly AsOf = new(2026, 11, 23);

    private readonly TempFolder _folder = new();

    private ReportPages()
    {
    }

    /// <summary>The page of the synced org.</summary>
    public string Full { get; private set; } = "";

    /// <summary>The page of a store with no account, no transition, no run.</summary>
    public string Empty { get; private set; } = "";

    /// <summary>An appsettings file whose Worker section points at the synced store (for <c>conflicts list</c>).</summary>
    public string Config { get; private set; } = "";

    public static async Task<ReportPages> MakeAsync()
    {
        var pages = new ReportPages();
        var db = Path.Combine(pages._folder.Path, "demo.db");
        Succeeded(CommandRun.Of("demo", "--accounts", "80", "--db", db));
        await AddAsync(db);
        pages.Config = pages._folder.Write("appsettings.json", JsonSerializer.Serialize(new { Worker = new { Provider = "salesforce", OrgId = "demo", DatabasePath = db } }));
        pages.Full = Report(db, Path.Combine(pages._folder.Path, "report.html"));
        var empty = Path.Combine(pages._folder.Path, "empty.db");
        await using (await SqliteSyncStore.OpenAsync(empty, "00Dempty", "salesforce"))
        {
        }

        pages.Empty = Report(empty, Path.Combine(pages._folder.Path, "empty.html"));
        SqliteConnection.ClearAllPools();
        return pages;
    }

    public void Dispose() => _folder.Dispose();

    private static string Report(string db, string page)
    {
        Succeeded(CommandRun.Of("report", "all", "--database", db, "--format", "html", "--output", page, "--as-of", "2026-11-23"));
        return page;
    }

    private static void Succeeded(CommandRun run) => Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error + run.Output);

    private static async Task AddAsync(string db)
    {
        await using var store = await SqliteSyncStore.OpenAsync(db, "demo", "salesforce");
        await store.UpsertAccountAsync(new AccountRecord(new AccountSnapshot { Id = "001LONG", Name = HtmlName, Segment = "SMB" }), DateTimeOffset.UnixEpoch, default);
        await store.AppendTransitionAsync("001LONG", new Transition(null, "New Customer", AsOf.AddDays(-40), StageSource.Automated, "won"), default);
        await store.AppendTransitionAsync("001LONG", new Transition("New Customer", LongStage, AsOf.AddDays(-10), StageSource.Manual, "CSM moved it"), default);
        var state = ManagedField.State(CsState.GoalClarity);
        (string Field, string Crm, ConflictAction Action, string? Rule)[] conflicts =
        [
            (state, "Reset", ConflictAction.Open, "Review"),
            (state, "<i>Slipping</i>", ConflictAction.Open, "Review"),
            (ManagedField.Divergence, "Looks fine to me", ConflictAction.Open, null),
            (ManagedField.Divergence, "n/a", ConflictAction.Reverted, "EngineWins"),
            (ManagedField.StageEntryDate("Onboarding"), "2026-01-02", ConflictAction.Accepted, "CrmWins"),
            (ManagedField.Stage, "Healthy", ConflictAction.Open, "Review"),
        ];
        foreach (var (field, crm, action, rule) in conflicts)
        {
            await store.AddConflictAsync(new NewConflict("001LONG", field, crm, "Hit", action, rule, AsOf.AddDays(-3)), default);
        }

        var last = (await store.ListConflictsAsync(null, default))[^1];
        await store.ResolveConflictAsync(last.Id, ConflictKeep.Engine, AsOf.AddDays(-1), "admin@example.com", default);
    }
}

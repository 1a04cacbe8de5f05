using System.Globalization;
using System.Text.Json;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Data;
using CrmStateSync.Sandbox.Salesforce;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Store;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Crash;

/// <summary>
/// One org for a crash test: the loopback sandbox (in the test process, seeded with the generated accounts), a temp
/// folder with the worker's SQLite file and an <c>appsettings.json</c> pointing at both.
/// </summary>
internal sealed class CrashOrg : IAsyncDisposable
{
    private const string OrgId = "00Dsandbox";
    private const string Secret = "s3cret-value-for-crash-tests";
    private readonly TempFolder _folder = new();

    /// <summary>The sandbox org's daily API limit (the worker stops writing at half of it, its default share).</summary>
    public const long DailyApiMax = 1_000_000;

    private CrashOrg(SandboxServer sandbox)
    {
        Sandbox = sandbox;
        DatabasePath = Path.Combine(_folder.Path, "state.db");
        Config = _folder.Write("appsettings.json", JsonSerializer.Serialize(new
        {
            Worker = new { Provider = "salesforce", OrgId, DatabasePath },
            Crm = new { Salesforce = new { LoginUrl = sandbox.Url.ToString(), ClientId = "sandbox-client", ClientSecret = Secret } },
        }));
    }

    public SandboxServer Sandbox { get; }

    public SalesforceOrg Salesforce => Sandbox.Salesforce;

    public string DatabasePath { get; }

    /// <summary>The worker's configuration file.</summary>
    public string Config { get; }

    /// <summary>
    /// A started sandbox seeded with <paramref name="accounts"/> generated accounts (the same data every time), of which
    /// <paramref name="previousSystemShare"/> hold values a previous system left in the managed fields.
    /// </summary>
    public static async Task<CrashOrg> StartAsync(int accounts = 30, int usageDays = 180, double previousSystemShare = 0)
    {
        var sandbox = new SandboxServer(new SandboxOptions { SalesforceClientSecret = Secret, SalesforceDailyApiMax = DailyApiMax });
        sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = accounts, UsageDays = usageDays, PreviousSystemShare = previousSystemShare }));
        await sandbox.StartAsync().ConfigureAwait(false);
        return new CrashOrg(sandbox);
    }

    /// <summary>
    /// What CRM users do between two cycles, stamped now: a leadership change on <paramref name="on"/> at every account
    /// (goal clarity is reset, which raises the goal-clarity conversation task) and, on every third account, a hand edit
    /// of the worker-owned divergence field (EngineWins: reverted and logged as a conflict).
    /// </summary>
    public void HumanEdits(DateOnly on)
    {
        var accounts = Salesforce.TableOf("Account");
        var now = SandboxRecord.Stamp(DateTimeOffset.UtcNow);
        foreach (var (account, i) in accounts.OrderedById().Select((a, i) => (a, i)))
        {
            var fields = new Dictionary<string, object?>(account.Fields, StringComparer.Ordinal) { ["CS_Leadership_Change_On__c"] = on };
            if (i % 3 == 0)
            {
                fields["CS_Divergence__c"] = "edited by hand";
            }

            accounts.Update(account.Id, current => current with
            {
                Fields = fields,
                ModifiedAt = now > current.ModifiedAt ? now : current.ModifiedAt.AddMilliseconds(1),
                ModifiedBy = "005SBX000000000002", // the seed user: a person, not the worker
            });
        }
    }

    /// <summary>Updates applied by the sandbox so far, all records together.</summary>
    public int AppliedTotal() => Salesforce.Writes.AppliedIds.Sum(Salesforce.Writes.Applied);

    /// <summary>The CRM's accounts and tasks and the worker's SQLite file, as comparable lines (open after the worker exited).</summary>
    public async Task<OrgState> ReadStateAsync()
    {
        await using var store = await SqliteSyncStore.OpenAsync(DatabasePath, OrgId, "salesforce").ConfigureAwait(false);
        var transitions = await store.TransitionsSinceAsync(DateOnly.MinValue, CancellationToken.None).ConfigureAwait(false);
        var conflicts = await store.ListConflictsAsync(null, CancellationToken.None).ConfigureAwait(false);
        var pending = await store.PendingEntriesAsync(CancellationToken.None).ConfigureAwait(false);
        var tasks = await store.OpenTasksAsync(null, CancellationToken.None).ConfigureAwait(false);
        return new OrgState(
            Lines(Salesforce.TableOf("Account").OrderedById().Select(Render)),
            Lines(transitions.Select(t => $"{t.AccountId} {t.From} -> {t.To} on {t.On:yyyy-MM-dd} {t.Source} {t.Reason}")),
            Lines(conflicts.Select(c => $"{c.AccountId} {c.Field} crm={c.CrmValue} engine={c.EngineValue} {c.Action} {c.Rule}")),
            pending.Count,
            Lines(tasks.Select(t => $"{t.AccountId} {t.Kind} crm task {(t.CrmTaskId is null ? "missing" : "created")}")),
            Lines(Salesforce.TableOf("Task").OrderedById().Select(t => $"{t["WhatId"]} {t["Subject"]}")));
    }

    /// <summary>The run rows' outcomes, oldest first (null: still running, or died).</summary>
    public async Task<IReadOnlyList<string?>> RunOutcomesAsync()
    {
        await using var store = await SqliteSyncStore.OpenAsync(DatabasePath, OrgId, "salesforce").ConfigureAwait(false);
        var runs = await store.RecentRunsAsync(100, CancellationToken.None).ConfigureAwait(false);
        return [.. runs.Reverse().Select(r => r.Outcome)];
    }

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync().ConfigureAwait(false);
        _folder.Dispose();
    }

    private static string Render(SandboxRecord record) =>
        record.Id + ": " + string.Join("; ", record.Fields.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key + "=" + Convert.ToString(f.Value, CultureInfo.InvariantCulture)));

    private static List<string> Lines(IEnumerable<string> lines) => [.. lines.Order(StringComparer.Ordinal)];
}

/// <summary>What an org ended with, as sorted lines so two runs compare line by line.</summary>
/// <param name="Accounts">Every CRM account with all its fields (the managed ones included).</param>
/// <param name="Transitions">The transition history (account, from, to, date, source, reason).</param>
/// <param name="Conflicts">The conflict log.</param>
/// <param name="PendingWrites">Journal entries never completed.</param>
/// <param name="Tasks">The worker's open task reservations and whether each got its CRM task.</param>
/// <param name="CrmTasks">The CRM's tasks (account and subject).</param>
internal sealed record OrgState(
    IReadOnlyList<string> Accounts,
    IReadOnlyList<string> Transitions,
    IReadOnlyList<string> Conflicts,
    int PendingWrites,
    IReadOnlyList<string> Tasks,
    IReadOnlyList<string> CrmTasks);

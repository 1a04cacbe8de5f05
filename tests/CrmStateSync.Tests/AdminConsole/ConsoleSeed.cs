using System.Text.RegularExpressions;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Store;
using CrmStateSync.Sync.Diff;

namespace CrmStateSync.Tests.AdminConsole;

/// <summary>What the runs and conflicts tests seed through <see cref="SqliteSyncStore"/>, and how they read the pages back.</summary>
internal static partial class ConsoleSeed
{
    public const string Acme = "001ACME";
    public const string AcmeName = "Acme Corp";
    public const string Hostile = "001XSS";
    public const string HostileName = "<script>alert(1)</script>";

    public static Task AccountAsync(SqliteSyncStore store, string id, string name) =>
        store.UpsertAccountAsync(new AccountRecord(new AccountSnapshot { Id = id, Name = name }), DateTimeOffset.UnixEpoch, default);

    /// <summary>A run with no problems and the given counts, finished at once.</summary>
    public static async Task<long> RunAsync(SqliteSyncStore store, RunCounts? counts = null)
    {
        var run = await store.StartRunAsync("sync", default);
        await store.FinishRunAsync(run, "ok", counts ?? new RunCounts(), default);
        return run;
    }

    /// <summary>A contact read under <paramref name="accountId"/> with one problem in a field; kept aside or read without it.</summary>
    public static Task ContactProblemAsync(SqliteSyncStore store, string id, string accountId, string field, string? value, string message, bool keptAside) =>
        store.ApplyContactsAsync(
            [new CrmChange<ContactRecord>(id, DateTimeOffset.UnixEpoch, keptAside ? null : new ContactRecord(accountId, new Contact { Id = id }), false, [new FieldProblem(id, field, value, message)]) { KeptAside = keptAside }],
            default);

    /// <summary>A write of <paramref name="accountId"/>'s stage that the CRM refuses with <paramref name="code"/> and <paramref name="message"/>.</summary>
    public static async Task RefusedWriteAsync(SqliteSyncStore store, string accountId, string code, string message)
    {
        var batch = await store.BeginBatchAsync([new JournalWrite(new AccountWrite(accountId, new Dictionary<string, object?> { ["stage"] = "Adopting" }))], default);
        await store.CompleteBatchAsync(batch, [WriteResult.Failed(accountId, false, new CrmError(code, message, ["Customer_Lifecycle_Stage__c"]))], default);
    }

    public static Task<long> ConflictAsync(SqliteSyncStore store, string accountId, string field, ConflictAction action, string detectedOn, string? crm = "Adopting", string? engine = "Onboarding") =>
        store.AddConflictAsync(new NewConflict(accountId, field, crm, engine, action, $"rule for {field}", DateOnly.Parse(detectedOn, System.Globalization.CultureInfo.InvariantCulture)), default);

    /// <summary>The ids of the conflicts a page lists, in page order.</summary>
    public static long[] ConflictIds(string html) => [.. ConflictLink().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The ids of the runs a page lists, in page order.</summary>
    public static long[] RunIds(string html) => [.. RunLink().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex("<a href=\"/conflicts/(\\d+)\">")]
    private static partial Regex ConflictLink();

    [GeneratedRegex("<a href=\"/runs/(\\d+)\">")]
    private static partial Regex RunLink();
}

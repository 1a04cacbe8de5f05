using CrmStateSync.AdminConsole.Hosting;
using CrmStateSync.Rules.States;
using CrmStateSync.Store;

namespace CrmStateSync.AdminConsole.Pages;

/// <summary>
/// Why each of an account's six states has its value. The CRM keeps a state's value and verified-on date but no reason,
/// and the store keeps the inputs the worker read, not its evaluations; so the account's cached inputs are evaluated
/// here with the worker's rules, as of today — the reason the worker would give if it ran now.
/// </summary>
public static class StateReasons
{
    /// <summary>The six outcomes in table order, or null when the store caches no inputs for the account.</summary>
    public static async Task<IReadOnlyList<StateOutcome>?> ComputeAsync(ConsoleSite site, string accountId, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        await using var store = await SqliteSyncStore.OpenReadOnlyAsync(site.StorePath, ct).ConfigureAwait(false);
        var snapshot = await store.LoadSnapshotAsync(accountId, ct).ConfigureAwait(false);
        return snapshot is null ? null : site.Rules.Evaluate(snapshot, today).States;
    }
}

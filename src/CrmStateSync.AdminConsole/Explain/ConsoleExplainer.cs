using CrmStateSync.AdminConsole.Hosting;
using CrmStateSync.Store;
using CrmStateSync.Sync.Explain;

namespace CrmStateSync.AdminConsole.Explain;

/// <summary>
/// The reasons behind an account's values, computed as a cycle of today would compute them: the account's cached inputs
/// through the worker's own rules (<see cref="ConsoleSite.Rules"/>). The CRM holds the values and the stage's reason; the
/// six states' and the milestones' reasons exist only in an evaluation, so the console makes one (computing only: no
/// write, no call to the CRM; the store is opened read-only, as <c>report</c> opens it). Null when the account is not cached.
/// </summary>
public static class ConsoleExplainer
{
    public static async Task<AccountExplanation?> ExplainAsync(ConsoleSite site, string accountId, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        await using var store = await SqliteSyncStore.OpenReadOnlyAsync(site.StorePath, ct).ConfigureAwait(false);
        return await new AccountExplainer(new SyncStorePort(store), site.Rules).ExplainAsync(accountId, asOf, ct).ConfigureAwait(false);
    }
}

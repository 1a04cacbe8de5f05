using CrmStateSync.AdminConsole.Hosting;
using CrmStateSync.Store;
using CrmStateSync.Sync.Explain;

namespace CrmStateSync.AdminConsole.Explain;

/// <summary>
/// The reasons behind an account's values, computed as a cycle of today would compute them: the account's cached inputs
/// through the worker's own rules (<see cref="ConsoleSite.Rules"/>). The CRM holds the values and the stage's reason; the
/// six states' and the milestones' reasons exist only in an evaluation, so the console makes one (computing only: no
/// write, no call to the CRM). Null when the console has no rules or the account is not cached.
/// </summary>
public sealed class ConsoleExplainer(ConsoleSite site)
{
    public async Task<AccountExplanation?> ExplainAsync(string accountId, CancellationToken ct)
    {
        if (site.Rules is null)
        {
            return null;
        }

        await using var store = await SqliteSyncStore.OpenAsync(site.StorePath, site.OrgId, site.Provider, time: site.Clock, cancellationToken: ct).ConfigureAwait(false);
        var asOf = DateOnly.FromDateTime(site.Clock.GetUtcNow().UtcDateTime);
        return await new AccountExplainer(new SyncStorePort(store), site.Rules).ExplainAsync(accountId, asOf, ct).ConfigureAwait(false);
    }
}

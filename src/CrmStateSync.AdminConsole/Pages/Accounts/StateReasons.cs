using CrmStateSync.AdminConsole.Hosting;
using CrmStateSync.Rules.States;

namespace CrmStateSync.AdminConsole.Pages;

/// <summary>
/// Why each of an account's six states has its value. The CRM keeps a state's value and verified-on date but no reason,
/// and the store keeps the inputs the worker read, not its evaluations; so the account is evaluated here as a cycle of
/// today evaluates it (<see cref="Explain.ConsoleExplainer"/>: the cached inputs with the CRM's values and the worker's
/// last writes restored, through the worker's rules) — the reason the worker would give if it ran now.
/// </summary>
public static class StateReasons
{
    /// <summary>The six outcomes in table order, or null when the store caches no inputs for the account.</summary>
    public static async Task<IReadOnlyList<StateOutcome>?> ComputeAsync(ConsoleSite site, string accountId, DateOnly today, CancellationToken ct)
    {
        var explained = await Explain.ConsoleExplainer.ExplainAsync(site, accountId, today, ct).ConfigureAwait(false);
        return explained?.Result.States;
    }
}

using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Sync.Explain;

/// <summary>
/// One account evaluated from the worker's cache exactly as a cycle evaluates it (the snapshot as last read, the CRM's
/// managed values and the worker's own last writes restored into it), computing only: the reasons behind every value,
/// for the admin console's "why is this account At-Risk" and for <see cref="Engine"/>'s evaluate step alike.
/// </summary>
public sealed class AccountExplainer(ISyncStore store, RulesEngine rules)
{
    /// <summary>The evaluation as of <paramref name="asOf"/>, with what it was computed from; null when the account is not cached.</summary>
    public async Task<AccountExplanation?> ExplainAsync(string accountId, DateOnly asOf, CancellationToken ct)
    {
        if (await store.LoadAsync(accountId, ct).ConfigureAwait(false) is not { } loaded)
        {
            return null;
        }

        var lastWritten = await store.LastWrittenFieldsAsync(accountId, ct).ConfigureAwait(false);
        var result = rules.Evaluate(WorkerMemory.Restore(loaded.Snapshot, loaded.CrmText, lastWritten), asOf);
        return new AccountExplanation(loaded.Snapshot, loaded.CrmText, lastWritten, result, asOf);
    }
}

/// <summary>An account's evaluation and its inputs: the cached snapshot, the CRM's managed values, the worker's last writes.</summary>
public sealed record AccountExplanation(
    Rules.Model.AccountSnapshot Snapshot,
    IReadOnlyDictionary<string, string?> CrmText,
    IReadOnlyDictionary<string, string?> LastWritten,
    EvaluationResult Result,
    DateOnly AsOf);

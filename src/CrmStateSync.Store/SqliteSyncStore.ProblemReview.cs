using CrmStateSync.Store.Internal;

namespace CrmStateSync.Store;

/// <summary>
/// After a pull: which children refer to an account the cache does not hold. Accounts are pulled before their
/// children, and a child whose account is already cached is fine, so only a reference still unknown once the whole pull
/// is applied is a problem. Those children stay where they are (opportunities and contacts under the unknown id, usage
/// rows kept aside): no account of the cache reads them, and they are picked up the moment the account arrives, which
/// closes the problem.
/// </summary>
public sealed partial class SqliteSyncStore
{
    private const string UnknownAccountMessage =
        "refers to an account the worker does not hold (deleted, merged, not visible to the integration user, or not synced yet); kept aside until the account arrives";

    private static readonly (string Table, string Kind)[] ChildTables = [("opportunities", "Opportunity"), ("contacts", "Contact"), ("usage_orphans", "Usage")];

    /// <summary>Records the store could not cache since the last review (each recorded as a problem).</summary>
    private int _cacheFailures;

    /// <summary>
    /// Closes the unknown-account problems whose account arrived (or whose record moved or went), records the new ones
    /// under the run in progress, and returns how many are new and how many records could not be cached since the last review.
    /// </summary>
    public Task<PullReview> ReviewPullAsync(CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (c, tx) =>
            {
                var failures = _cacheFailures;
                _cacheFailures = 0;
                if (_run == 0)
                {
                    return new PullReview(0, failures);
                }

                var args = new { Run = _run, Now = Now(), Message = UnknownAccountMessage };
                await c.ExecAsync(
                    """
                    UPDATE problems SET closed_at = @Now, closed_run_id = @Run
                    WHERE closed_at IS NULL AND kind = 'UnknownAccount' AND (EXISTS (SELECT 1 FROM accounts a WHERE a.id = problems.value)
                        OR NOT EXISTS (SELECT 1 FROM opportunities o WHERE problems.object = 'Opportunity' AND o.id = problems.record_id AND o.account_id = problems.value
                            UNION ALL SELECT 1 FROM contacts o WHERE problems.object = 'Contact' AND o.id = problems.record_id AND o.account_id = problems.value
                            UNION ALL SELECT 1 FROM usage_orphans o WHERE problems.object = 'Usage' AND o.id = problems.record_id AND o.account_id = problems.value))
                    """,
                    args,
                    tx,
                    cancellationToken).ConfigureAwait(false);
                var added = 0;
                foreach (var (table, kind) in ChildTables)
                {
                    added += await c.ExecAsync(
                        $"""
                        INSERT INTO problems (run_id, object, record_id, field, value, message, kind, kept_aside, detected_at)
                        SELECT @Run, '{kind}', o.id, 'accountId', o.account_id, @Message, 'UnknownAccount', 1, @Now FROM {table} o
                        WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = o.account_id)
                            AND NOT EXISTS (SELECT 1 FROM problems p WHERE p.closed_at IS NULL AND p.kind = 'UnknownAccount' AND p.object = '{kind}'
                                AND p.record_id = o.id AND p.value = o.account_id)
                        """,
                        args,
                        tx,
                        cancellationToken).ConfigureAwait(false);
                }

                return new PullReview(added, failures);
            },
            cancellationToken);
}

/// <summary>What <see cref="SqliteSyncStore.ReviewPullAsync"/> found: new unknown-account references, records that could not be cached.</summary>
public sealed record PullReview(int UnknownAccounts, int CacheFailures);

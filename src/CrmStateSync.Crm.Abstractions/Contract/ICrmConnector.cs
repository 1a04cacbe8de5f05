namespace CrmStateSync.Crm.Contract;

/// <summary>
/// What the sync engine needs from a CRM. Reads are incremental and paged (<see cref="IAsyncEnumerable{T}"/>, never
/// the whole org in memory); writes are batched by the connector to the CRM's limit and return one result per record.
/// Errors that end the cycle are <see cref="CrmException"/>s; per-record refusals are results, not exceptions.
/// </summary>
public interface ICrmConnector
{
    /// <summary><c>salesforce</c> or <c>hubspot</c>.</summary>
    string Provider { get; }

    IAsyncEnumerable<CrmChange<AccountRecord>> ReadAccountsAsync(ReadCursor cursor, CancellationToken cancellationToken);

    IAsyncEnumerable<CrmChange<OpportunityRecord>> ReadOpportunitiesAsync(ReadCursor cursor, CancellationToken cancellationToken);

    IAsyncEnumerable<CrmChange<ContactRecord>> ReadContactsAsync(ReadCursor cursor, CancellationToken cancellationToken);

    IAsyncEnumerable<CrmChange<UsageRecord>> ReadUsageAsync(ReadCursor cursor, CancellationToken cancellationToken);

    /// <summary>Writes managed fields, in as many calls as the CRM's batch limit needs; one result per input, in order.</summary>
    Task<IReadOnlyList<WriteResult>> WriteAccountsAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken);

    /// <summary>The object's fields as the org describes them (for the schema check).</summary>
    Task<CrmObjectDescription> DescribeAsync(CrmObject crmObject, CancellationToken cancellationToken);

    /// <summary>
    /// Creates tasks for the account owners in as many calls as the CRM's batch limit needs; one result per request, in
    /// order. A create is never resent blindly: when its answer is lost the result is <see cref="TaskFate.Unknown"/> and
    /// the caller looks the task up by its marker (<see cref="FindOpenTaskAsync"/>) before sending it again. Task creates
    /// count against the same write budget share as field writes: past it they are refused as transient, unsent.
    /// </summary>
    Task<IReadOnlyList<TaskResult>> CreateTasksAsync(IReadOnlyList<TaskRequest> tasks, CancellationToken cancellationToken);

    /// <summary>
    /// The id of an open (not completed) task on the account whose subject contains <paramref name="marker"/>, or null.
    /// Reads the CRM directly, never a lagging search index: it answers "did my create land before the crash?".
    /// </summary>
    Task<string?> FindOpenTaskAsync(string accountId, string marker, CancellationToken cancellationToken);

    /// <summary>The API usage reported by the CRM's last response, and calls made.</summary>
    ApiUsage Usage { get; }

    /// <summary>
    /// The calls of <see cref="ApiUsage.CallsMade"/> by kind (<c>token</c>, <c>query</c>, <c>composite</c> …, as the
    /// connector names them), a snapshot; empty (the default) for a connector that does not count by kind. The engine
    /// takes a cycle's share of it as it does of the total, for the run row.
    /// </summary>
    IReadOnlyDictionary<string, long> CallsByKind => System.Collections.ObjectModel.ReadOnlyDictionary<string, long>.Empty;
}

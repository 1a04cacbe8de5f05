using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Sync.DryRun;

/// <summary>
/// The connector of a dry run, chosen by the composition: reads, describes and task look-ups pass through (and so does
/// <see cref="Usage"/>, so a dry run counts the calls it really made); account writes and task creates send nothing
/// and answer nothing (an empty result list).
/// </summary>
public sealed class ReadOnlyCrmConnector(ICrmConnector inner) : ICrmConnector
{
    private readonly ICrmConnector _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    public string Provider => _inner.Provider;

    public ApiUsage Usage => _inner.Usage;

    public IReadOnlyDictionary<string, long> CallsByKind => _inner.CallsByKind;

    public IAsyncEnumerable<CrmChange<AccountRecord>> ReadAccountsAsync(ReadCursor cursor, CancellationToken cancellationToken) => _inner.ReadAccountsAsync(cursor, cancellationToken);

    public IAsyncEnumerable<CrmChange<OpportunityRecord>> ReadOpportunitiesAsync(ReadCursor cursor, CancellationToken cancellationToken) =>
        _inner.ReadOpportunitiesAsync(cursor, cancellationToken);

    public IAsyncEnumerable<CrmChange<ContactRecord>> ReadContactsAsync(ReadCursor cursor, CancellationToken cancellationToken) => _inner.ReadContactsAsync(cursor, cancellationToken);

    public IAsyncEnumerable<CrmChange<UsageRecord>> ReadUsageAsync(ReadCursor cursor, CancellationToken cancellationToken) => _inner.ReadUsageAsync(cursor, cancellationToken);

    public Task<CrmObjectDescription> DescribeAsync(CrmObject crmObject, CancellationToken cancellationToken) => _inner.DescribeAsync(crmObject, cancellationToken);

    public Task<string?> FindOpenTaskAsync(string accountId, string marker, CancellationToken cancellationToken) => _inner.FindOpenTaskAsync(accountId, marker, cancellationToken);

    /// <summary>Sends nothing.</summary>
    public Task<IReadOnlyList<WriteResult>> WriteAccountsAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WriteResult>>([]);

    /// <summary>Sends nothing.</summary>
    public Task<IReadOnlyList<TaskResult>> CreateTasksAsync(IReadOnlyList<TaskRequest> tasks, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TaskResult>>([]);
}

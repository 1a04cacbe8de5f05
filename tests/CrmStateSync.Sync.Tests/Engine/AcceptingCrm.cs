using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Sync.Tests.Engine;

/// <summary>A CRM with nothing new to read that accepts every write; <see cref="OnWrite"/> runs before each write call.</summary>
internal sealed class AcceptingCrm : ICrmConnector
{
    private long _calls;

    public Action? OnWrite { get; init; }

    public string Provider => "salesforce";

    public ApiUsage Usage => new(null, null, _calls);

    public IAsyncEnumerable<CrmChange<AccountRecord>> ReadAccountsAsync(ReadCursor cursor, CancellationToken cancellationToken) => AsyncEnumerable.Empty<CrmChange<AccountRecord>>();

    public IAsyncEnumerable<CrmChange<OpportunityRecord>> ReadOpportunitiesAsync(ReadCursor cursor, CancellationToken cancellationToken) => AsyncEnumerable.Empty<CrmChange<OpportunityRecord>>();

    public IAsyncEnumerable<CrmChange<ContactRecord>> ReadContactsAsync(ReadCursor cursor, CancellationToken cancellationToken) => AsyncEnumerable.Empty<CrmChange<ContactRecord>>();

    public IAsyncEnumerable<CrmChange<UsageRecord>> ReadUsageAsync(ReadCursor cursor, CancellationToken cancellationToken) => AsyncEnumerable.Empty<CrmChange<UsageRecord>>();

    public Task<IReadOnlyList<WriteResult>> WriteAccountsAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken)
    {
        OnWrite?.Invoke();
        _calls++;
        return Task.FromResult<IReadOnlyList<WriteResult>>([.. writes.Select(w => WriteResult.Ok(w.AccountId))]);
    }

    public Task<CrmObjectDescription> DescribeAsync(CrmObject crmObject, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<TaskResult>> CreateTasksAsync(IReadOnlyList<TaskRequest> tasks, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string?> FindOpenTaskAsync(string accountId, string marker, CancellationToken cancellationToken) => throw new NotSupportedException();
}

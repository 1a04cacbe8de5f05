using System.Runtime.CompilerServices;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Http;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Crm.Salesforce.Api;
using CrmStateSync.Crm.Salesforce.Reading;
using CrmStateSync.Crm.Salesforce.Writing;

namespace CrmStateSync.Crm.Salesforce;

/// <summary>
/// The Salesforce REST connector: incremental SOQL reads (a full read of a large object through a Bulk API 2.0 query
/// job), composite writes, describe, batched task creates (crm-apis.md).
/// </summary>
internal sealed class SalesforceConnector(ISalesforceApi api, QueryReader reader, BulkQueryReader bulk, CompositeWriter writer, TaskCreator creator, SalesforceOptions options, SalesforceUsage usage, CallCounter calls)
    : ICrmConnector
{
    private readonly CanonicalMapper _mapper = new(options.Mapping, SalesforceValueFormat.Instance);

    public string Provider => "salesforce";

    public ApiUsage Usage => new(usage.Used, usage.Max, calls.Calls);

    public IReadOnlyDictionary<string, long> CallsByKind => calls.ByKind;

    public IAsyncEnumerable<CrmChange<AccountRecord>> ReadAccountsAsync(ReadCursor cursor, CancellationToken cancellationToken) =>
        ReadAsync(CrmObject.Account, options.Mapping.Account, [], cursor, _mapper.Account, cancellationToken);

    public IAsyncEnumerable<CrmChange<OpportunityRecord>> ReadOpportunitiesAsync(ReadCursor cursor, CancellationToken cancellationToken) =>
        ReadAsync(CrmObject.Opportunity, options.Mapping.Opportunity, [], cursor, _mapper.Opportunity, cancellationToken);

    public IAsyncEnumerable<CrmChange<ContactRecord>> ReadContactsAsync(ReadCursor cursor, CancellationToken cancellationToken) =>
        ReadAsync(CrmObject.Contact, options.Mapping.Contact, [], cursor, _mapper.Contact, cancellationToken);

    public IAsyncEnumerable<CrmChange<UsageRecord>> ReadUsageAsync(ReadCursor cursor, CancellationToken cancellationToken) =>
        ReadAsync(CrmObject.Usage, options.Mapping.Usage, options.Mapping.UsageMetrics.Values, cursor, _mapper.Usage, cancellationToken);

    public Task<IReadOnlyList<WriteResult>> WriteAccountsAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken) =>
        writer.WriteAsync(writes, cancellationToken);

    public async Task<CrmObjectDescription> DescribeAsync(CrmObject crmObject, CancellationToken cancellationToken)
    {
        var sobject = SObject(crmObject.ToString());
        var describe = await SalesforceErrors.CallAsync(() => api.GetDescribeAsync(options.ApiVersion, sobject, cancellationToken), $"the describe of {sobject}", cancellationToken)
            .ConfigureAwait(false);
        return Describes.ToDescription(crmObject, describe);
    }

    public Task<IReadOnlyList<TaskResult>> CreateTasksAsync(IReadOnlyList<TaskRequest> tasks, CancellationToken cancellationToken) =>
        creator.CreateAsync(tasks, cancellationToken);

    public async Task<string?> FindOpenTaskAsync(string accountId, string marker, CancellationToken cancellationToken)
    {
        var soql = TaskSoql.FindOpen(SObject("Task"), accountId, marker);
        var page = await SalesforceErrors.CallAsync(() => api.GetQueryAsync(options.ApiVersion, soql, "batchSize=200", cancellationToken), "the task lookup", cancellationToken)
            .ConfigureAwait(false);
        return page.Records is [var first, ..] && first.TryGetValue(Soql.Id, out var id) ? id.GetString() : null;
    }

    private async IAsyncEnumerable<CrmChange<T>> ReadAsync<T>(CrmObject kind, Dictionary<string, string> map, IEnumerable<string> extraFields, ReadCursor cursor,
        Func<RawRecord, CrmChange<T>> toChange, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var cursorField = map.GetValueOrDefault("modifiedAt", Soql.SystemModstamp);
        var spec = new QuerySpec(SObject(kind.ToString()), Soql.Fields(map.Values.Concat(extraFields), cursorField), cursorField);
        var rows = await bulk.AppliesAsync(spec, cursor, cancellationToken).ConfigureAwait(false)
            ? bulk.ReadAsync(spec, cancellationToken)
            : reader.ReadAsync(spec, cursor, cancellationToken);
        await foreach (var raw in rows.ConfigureAwait(false))
        {
            yield return toChange(raw);
        }
    }

    private string SObject(string name) => options.Mapping.Objects.TryGetValue(name, out var sobject)
        ? sobject
        : throw new CrmException($"No Salesforce object is mapped for {name} (Crm:Salesforce:Mapping:Objects:{name})");
}

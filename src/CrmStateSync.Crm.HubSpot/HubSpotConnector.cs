using System.Runtime.CompilerServices;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot.Api;
using CrmStateSync.Crm.HubSpot.Http;
using CrmStateSync.Crm.HubSpot.Provisioning;
using CrmStateSync.Crm.HubSpot.Reading;
using CrmStateSync.Crm.Http;
using CrmStateSync.Crm.Mapping;
using Microsoft.Extensions.Options;

namespace CrmStateSync.Crm.HubSpot;

/// <summary>The HubSpot side of <see cref="ICrmConnector"/>: search-windowed reads, batch writes, properties, tasks; and
/// <see cref="ISchemaProvisioner"/> through the properties API.</summary>
internal sealed class HubSpotConnector : ICrmConnector, ISchemaProvisioner
{
    private readonly HubSpotReader _reader;
    private readonly HubSpotWriter _writer;
    private readonly HubSpotSchema _schema;
    private readonly HubSpotTasks _tasks;
    private readonly HubSpotTaskCreator _creator;
    private readonly HubSpotProvisioner _provisioner;
    private readonly CanonicalMapper _mapper;
    private readonly FieldMappingOptions _mapping;
    private readonly HubSpotRateLimiter _limiter;
    private readonly CallCounter _calls;

    public HubSpotConnector(IHubSpotApi api, IOptions<HubSpotOptions> options, HubSpotRateLimiter limiter, CallCounter calls, TimeProvider clock)
    {
        var o = options.Value;
        _mapping = EffectiveMapping(o);
        var paths = new HubSpotPaths(o);
        _reader = new HubSpotReader(api, paths, o, clock);
        var budget = new HubSpotWriteBudget(o, limiter);
        _writer = new HubSpotWriter(api, paths, new WriteMapper(_mapping, HubSpotValueFormat.Instance), _mapping.Objects["Account"], budget);
        _schema = new HubSpotSchema(api, paths, o);
        _tasks = new HubSpotTasks(api, paths, o);
        _creator = new HubSpotTaskCreator(api, paths, o, budget);
        _provisioner = new HubSpotProvisioner(api, paths);
        _mapper = new CanonicalMapper(_mapping, HubSpotValueFormat.Instance);
        (_limiter, _calls) = (limiter, calls);
    }

    public string Provider => "hubspot";

    public ApiUsage Usage => new(
        _limiter.DailyMax is { } max && _limiter.DailyRemaining is { } left ? max - left : null,
        _limiter.DailyMax,
        _calls.Calls);

    public IReadOnlyDictionary<string, long> CallsByKind => _calls.ByKind;

    public IAsyncEnumerable<CrmChange<AccountRecord>> ReadAccountsAsync(ReadCursor cursor, CancellationToken cancellationToken) =>
        ReadAsync(Spec("Account", _mapping.Account, [], false), cursor, _mapper.Account, cancellationToken);

    public IAsyncEnumerable<CrmChange<OpportunityRecord>> ReadOpportunitiesAsync(ReadCursor cursor, CancellationToken cancellationToken) =>
        ReadAsync(Spec("Opportunity", _mapping.Opportunity, [], true), cursor, _mapper.Opportunity, cancellationToken);

    public IAsyncEnumerable<CrmChange<ContactRecord>> ReadContactsAsync(ReadCursor cursor, CancellationToken cancellationToken) =>
        ReadAsync(Spec("Contact", _mapping.Contact, [], true), cursor, _mapper.Contact, cancellationToken);

    public IAsyncEnumerable<CrmChange<UsageRecord>> ReadUsageAsync(ReadCursor cursor, CancellationToken cancellationToken) =>
        ReadAsync(Spec("Usage", _mapping.Usage, _mapping.UsageMetrics.Values, true), cursor, _mapper.Usage, cancellationToken);

    public Task<IReadOnlyList<WriteResult>> WriteAccountsAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken) =>
        _writer.WriteAsync(writes, cancellationToken);

    public Task<CrmObjectDescription> DescribeAsync(CrmObject crmObject, CancellationToken cancellationToken) =>
        _schema.DescribeAsync(crmObject, cancellationToken);

    public Task<IReadOnlyList<TaskResult>> CreateTasksAsync(IReadOnlyList<TaskRequest> tasks, CancellationToken cancellationToken) =>
        _creator.CreateAsync(tasks, cancellationToken);

    public Task<string?> FindOpenTaskAsync(string accountId, string marker, CancellationToken cancellationToken) =>
        _tasks.FindOpenAsync(accountId, marker, cancellationToken);

    public Task<IReadOnlyList<ProvisionStep>> ProvisionAsync(Schema.SchemaReport report, bool dryRun, CancellationToken cancellationToken) =>
        _provisioner.ProvisionAsync(report, dryRun, cancellationToken);

    private static FieldMappingOptions EffectiveMapping(HubSpotOptions o)
    {
        if (o.RenewalDealType is { } renewal && o.Mapping.Picklists.TryGetValue("opportunityType", out var types))
        {
            types["Renewal"] = renewal;
        }

        // The company link is an association, not a property: the canonical mapper finds it under "accountId".
        foreach (var map in (Dictionary<string, string>[])[o.Mapping.Opportunity, o.Mapping.Contact, o.Mapping.Usage])
        {
            map.TryAdd(RecordConverter.AccountIdField, RecordConverter.AccountIdField);
        }

        return o.Mapping;
    }

    private ObjectSpec Spec(string kind, Dictionary<string, string> map, IEnumerable<string> extra, bool linked) =>
        ObjectSpec.From(_mapping.Objects[kind], map, extra, linked);

    private async IAsyncEnumerable<CrmChange<T>> ReadAsync<T>(ObjectSpec spec, ReadCursor cursor, Func<RawRecord, CrmChange<T>> map, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        await foreach (var raw in _reader.ReadAsync(spec, cursor, cancellationToken).ConfigureAwait(false))
        {
            yield return map(raw);
        }
    }
}

using System.Collections.Concurrent;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Sandbox.Data;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>
/// The in-memory Salesforce org: one table per sObject of the default mapping (plus Task), the access tokens issued,
/// the daily API usage, and the hooks that make chosen records fail on write.
/// </summary>
public sealed class SalesforceOrg
{
    private readonly ConcurrentDictionary<string, SandboxTable> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _tokens = new(StringComparer.Ordinal);
    private WriteHold? _taskHold;
    private readonly ConcurrentDictionary<string, (string Code, int Times)> _failures = new(StringComparer.Ordinal);
    private long _apiUsed;
    private int _tokenCount;
    private WriteHold? _hold;
    private int _holdAfter;

    internal SalesforceOrg(SandboxOptions options)
    {
        Options = options;
        foreach (var sobject in Mapping.Objects.Values)
        {
            _tables[sobject] = new SandboxTable(sobject, IdOrder.Ordinal);
        }

        Schema = new SalesforceSchema(Mapping);
    }

    public SandboxOptions Options { get; }

    /// <summary>The mapping whose field names the org stores and describes (crm-schema.md defaults).</summary>
    public FieldMappingOptions Mapping { get; } = DefaultMappings.Salesforce();

    internal SalesforceIds Ids { get; } = new();

    /// <summary>What the describe endpoint answers, and what updates are checked against.</summary>
    internal SalesforceSchema Schema { get; }

    /// <summary>A schema gap: the org no longer has <paramref name="field"/> on <paramref name="sobject"/>.</summary>
    public void RemoveField(string sobject, string field) => Require(Schema.Change(sobject, field, _ => null), sobject, field);

    /// <summary>A schema gap: <paramref name="field"/> becomes of Salesforce type <paramref name="type"/> (<c>string</c>, <c>datetime</c> …).</summary>
    public void ChangeFieldType(string sobject, string field, string type) =>
        Require(Schema.Change(sobject, field, f => f with { Type = type, PicklistValues = type == "picklist" ? f.PicklistValues : [], RestrictedPicklist = false }), sobject, field);

    /// <summary>A schema gap: the picklist <paramref name="field"/> loses <paramref name="value"/>.</summary>
    public void RemovePicklistValue(string sobject, string field, string value) =>
        Require(Schema.Change(sobject, field, f => f with { PicklistValues = [.. f.PicklistValues.Where(v => v != value)] }), sobject, field);

    /// <summary>A schema gap: the integration user can no longer update <paramref name="field"/>.</summary>
    public void MakeReadOnly(string sobject, string field) => Require(Schema.Change(sobject, field, f => f with { Updateable = false }), sobject, field);

    private static void Require(bool changed, string sobject, string field)
    {
        if (!changed)
        {
            throw new ArgumentException($"The sandbox org has no field {sobject}.{field}", nameof(field));
        }
    }

    /// <summary>The Bulk API 2.0 query jobs.</summary>
    internal BulkJobs BulkJobs { get; } = new();

    /// <summary>Bulk API 2.0 query jobs created so far.</summary>
    public long BulkJobsCreated => BulkJobs.Created;

    /// <summary>Deletes every query job, as expiry (or an admin) does: their results and locators then answer 404 NOT_FOUND.</summary>
    public void ExpireBulkJobs() => BulkJobs.Clear();

    /// <summary>API requests counted today (the token endpoint is not counted).</summary>
    public long ApiUsed => Interlocked.Read(ref _apiUsed);

    /// <summary>
    /// Counts <paramref name="calls"/> more API requests today, as another integration of the org would (a negative
    /// number gives them back, as a new day does): the next answers' <c>Sforce-Limit-Info</c> carries the new usage.
    /// </summary>
    public void UseApi(long calls) => Interlocked.Add(ref _apiUsed, calls);

    /// <summary>Sets the org's API usage so far today: calls other integrations made, or 0 for a new day (tests of the write budget share).</summary>
    public void SetApiUsed(long used) => Interlocked.Exchange(ref _apiUsed, used);

    /// <summary>Access tokens issued.</summary>
    public int TokensIssued => Volatile.Read(ref _tokenCount);

    /// <summary>The table of <paramref name="sobject"/>, or null when the org has no such object.</summary>
    public SandboxTable? Table(string sobject) => _tables.GetValueOrDefault(sobject);

    /// <summary>The table of a mapped object (<c>Account</c>, <c>Opportunity</c>, <c>Contact</c>, <c>Usage</c>, <c>Task</c>).</summary>
    public SandboxTable TableOf(string canonicalObject) => _tables[Mapping.Objects[canonicalObject]];

    /// <summary>
    /// Makes the next <paramref name="times"/> updates of record <paramref name="id"/> fail with <paramref name="statusCode"/>
    /// (<c>FIELD_CUSTOM_VALIDATION_EXCEPTION</c>, <c>UNABLE_TO_LOCK_ROW</c> …).
    /// </summary>
    public void FailWrites(string id, string statusCode, int times = int.MaxValue) => _failures[id] = (statusCode, times);

    /// <summary>Drops the answer of chosen task creates after the tasks landed (a connection reset; opt-in, for tests).</summary>
    public AnswerDrops TaskAnswerDrops { get; } = new();

    /// <summary>What the composite update endpoint received and applied, per record id.</summary>
    public WriteCounters Writes { get; } = new();

    /// <summary>Holds the next composite update at <paramref name="point"/> until the returned hold is released (opt-in, for crash tests).</summary>
    public WriteHold HoldNextWrite(HoldPoint point) => HoldWrite(0, point);

    /// <summary>Lets <paramref name="letThrough"/> composite updates pass, then holds the next one at <paramref name="point"/>.</summary>
    public WriteHold HoldWrite(int letThrough, HoldPoint point)
    {
        var hold = new WriteHold(point);
        Volatile.Write(ref _holdAfter, letThrough);
        Volatile.Write(ref _hold, hold);
        return hold;
    }

    /// <summary>Holds the next sObject Collections task create at <paramref name="point"/> until released or its client goes away (crash tests).</summary>
    public WriteHold HoldNextTaskCreate(HoldPoint point)
    {
        var hold = new WriteHold(point);
        Volatile.Write(ref _taskHold, hold);
        return hold;
    }

    /// <summary>The hold set for the next task create, taken so it holds one request only; null when none.</summary>
    internal WriteHold? TakeTaskHold() => Interlocked.Exchange(ref _taskHold, null);

    /// <summary>Invalidates every access token (the next call answers 401 INVALID_SESSION_ID).</summary>
    public void ExpireSessions() => _tokens.Clear();

    internal string IssueToken()
    {
        var n = Interlocked.Increment(ref _tokenCount);
        var token = $"00DSBX0000000001!AQ{n:D4}.{Guid.NewGuid():N}";
        _tokens[token] = n;
        return token;
    }

    /// <summary>The hold set for the next composite update, taken so it holds one request only; null when none.</summary>
    internal WriteHold? TakeHold() =>
        Volatile.Read(ref _hold) is null || Interlocked.Decrement(ref _holdAfter) >= 0 ? null : Interlocked.Exchange(ref _hold, null);

    internal bool IsValidToken(string? token) => token is not null && _tokens.ContainsKey(token);

    internal long CountCall() => Interlocked.Increment(ref _apiUsed);

    /// <summary>The failure to inject for <paramref name="id"/>, consuming one of its times; null when none.</summary>
    internal string? TakeFailure(string id)
    {
        while (_failures.TryGetValue(id, out var failure))
        {
            var next = failure.Times - 1;
            var replaced = next <= 0 ? _failures.TryRemove(new KeyValuePair<string, (string, int)>(id, failure)) : _failures.TryUpdate(id, (failure.Code, next), failure);
            if (replaced)
            {
                return failure.Code;
            }
        }

        return null;
    }
}

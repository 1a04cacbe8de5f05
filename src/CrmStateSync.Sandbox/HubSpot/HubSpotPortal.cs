using System.Collections.Concurrent;
using System.Globalization;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Sandbox.Data;

namespace CrmStateSync.Sandbox.HubSpot;

/// <summary>
/// The in-memory HubSpot portal: one table per object type of the default mapping (numeric ids), the company
/// associations of deals, contacts and usage, the rolling 10-second request window, and write-failure hooks.
/// </summary>
public sealed partial class HubSpotPortal
{
    public const string IntegrationUser = "9000001";
    public const string SeedUser = "9000002";

    private readonly ConcurrentDictionary<string, SandboxTable> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Type, string Id), string> _companies = new();
    private readonly ConcurrentDictionary<string, (string Category, int Times)> _failures = new(StringComparer.Ordinal);
    private readonly Queue<long> _window = new();
    private readonly Lock _windowLock = new();
    private readonly Queue<long> _searchWindow = new();
    private long _nextId = 1_000_000;
    private long _requests;
    private long _otherDailyUse;
    private long _rateLimited;
    private long _searchRateLimited;
    private int _propertyWrites;

    internal HubSpotPortal(SandboxOptions options)
    {
        Options = options;
        foreach (var type in Mapping.Objects.Values)
        {
            _tables[type] = new SandboxTable(type, IdOrder.Numeric);
        }

        Properties = new HubSpotProperties(Mapping);
    }

    public SandboxOptions Options { get; }

    public FieldMappingOptions Mapping { get; } = DefaultMappings.HubSpot();

    /// <summary>The property definitions the properties API serves and updates are checked against.</summary>
    internal HubSpotProperties Properties { get; }

    /// <summary>Property definitions created or changed through the properties API (provisioning).</summary>
    public int PropertyWrites => Volatile.Read(ref _propertyWrites);

    /// <summary>Requests answered (429s included).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests counted against the account's daily limit today: this portal's answers and other apps' use.</summary>
    public long DailyUsed => Requests + Interlocked.Read(ref _otherDailyUse);

    /// <summary>
    /// Sets how much of today's daily limit other apps of the account have used (0 for a new day, which also gives back
    /// this portal's own count): the next answers' <c>X-HubSpot-RateLimit-Daily-Remaining</c> says so (tests of the
    /// write budget share, as <c>SalesforceOrg.SetApiUsed</c>).
    /// </summary>
    public void SetDailyUsed(long used) => Interlocked.Exchange(ref _otherDailyUse, used - Requests);

    /// <summary>429 TEN_SECONDLY_ROLLING answers sent.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>429 SECONDLY answers sent (searches past <see cref="SandboxOptions.HubSpotSearchesPerSecond"/>).</summary>
    public long SearchRateLimited => Interlocked.Read(ref _searchRateLimited);

    public SandboxTable? Table(string type) => _tables.GetValueOrDefault(type);

    /// <summary>The table of a mapped object (<c>Account</c>, <c>Opportunity</c>, <c>Contact</c>, <c>Usage</c>, <c>Task</c>).</summary>
    public SandboxTable TableOf(string canonicalObject) => _tables[Mapping.Objects[canonicalObject]];

    /// <summary>
    /// Makes the next <paramref name="times"/> updates of record <paramref name="id"/> fail with <paramref name="category"/>:
    /// <c>VALIDATION_ERROR</c> (a validation rule), or <c>CONFLICT</c> (a per-record lock conflict HubSpot says to retry later).
    /// </summary>
    public void FailWrites(string id, string category = "VALIDATION_ERROR", int times = int.MaxValue) => _failures[id] = (category, times);

    /// <summary>Drops the answer of chosen task batch creates after the tasks landed (a connection reset; opt-in, for tests).</summary>
    public AnswerDrops TaskAnswerDrops { get; } = new();

    /// <summary>The company a deal, contact, usage row or task is associated with.</summary>
    public string? CompanyOf(string type, string id) => _companies.GetValueOrDefault((type, id));

    /// <summary>The ids of the records of a type associated to the company, in id order.</summary>
    public IReadOnlyList<string> RecordsOf(string type, string companyId) =>
        [.. _companies.Where(p => string.Equals(p.Key.Type, type, StringComparison.OrdinalIgnoreCase) && p.Value == companyId).Select(p => p.Key.Id).Order(StringComparer.Ordinal)];

    internal void Associate(string type, string id, string companyId) => _companies[(type, id)] = companyId;

    /// <summary>The failure to inject for <paramref name="id"/>, consuming one of its times; null when none.</summary>
    internal string? TakeFailure(string id)
    {
        while (_failures.TryGetValue(id, out var failure))
        {
            var next = failure.Times - 1;
            var replaced = next <= 0 ? _failures.TryRemove(new KeyValuePair<string, (string, int)>(id, failure)) : _failures.TryUpdate(id, (failure.Category, next), failure);
            if (replaced)
            {
                return failure.Category;
            }
        }

        return null;
    }

    /// <summary>
    /// Links a deal, contact or usage row to <paramref name="companyId"/>, or with null removes its company association
    /// (a deal or contact with no company, common in real portals). The record's change stamp is left to the caller.
    /// </summary>
    public void SetCompany(string type, string id, string? companyId)
    {
        if (companyId is null)
        {
            _companies.TryRemove((type, id), out _);
        }
        else
        {
            Associate(type, id, companyId);
        }
    }

    internal void CountPropertyWrite() => Interlocked.Increment(ref _propertyWrites);

    internal string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    /// <summary>Counts a request in the rolling window; false when the enforced budget is spent. Also the remaining count.</summary>
    internal (bool Allowed, int Remaining) Admit()
    {
        Interlocked.Increment(ref _requests);
        var now = Options.Clock.GetTimestamp();
        var windowTicks = (long)(TimeSpan.FromSeconds(10).TotalSeconds * Options.Clock.TimestampFrequency);
        lock (_windowLock)
        {
            while (_window.Count > 0 && now - _window.Peek() >= windowTicks)
            {
                _window.Dequeue();
            }

            if (Options.HubSpotEnforceBudget && _window.Count >= Options.HubSpotTenSecondLimit)
            {
                Interlocked.Increment(ref _rateLimited);
                return (false, 0);
            }

            _window.Enqueue(now);
            return (true, Math.Max(0, Options.HubSpotTenSecondLimit - _window.Count));
        }
    }

    /// <summary>Counts a search in the rolling second; false when <see cref="SandboxOptions.HubSpotSearchesPerSecond"/> are spent.</summary>
    internal bool AdmitSearch()
    {
        var limit = Options.HubSpotSearchesPerSecond;
        if (limit <= 0)
        {
            return true;
        }

        var now = Options.Clock.GetTimestamp();
        lock (_windowLock)
        {
            while (_searchWindow.Count > 0 && now - _searchWindow.Peek() >= Options.Clock.TimestampFrequency)
            {
                _searchWindow.Dequeue();
            }

            if (_searchWindow.Count >= limit)
            {
                Interlocked.Increment(ref _searchRateLimited);
                return false;
            }

            _searchWindow.Enqueue(now);
            return true;
        }
    }
}

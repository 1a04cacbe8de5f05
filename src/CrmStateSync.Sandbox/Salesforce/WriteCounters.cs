using System.Collections.Concurrent;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>What the composite update endpoint received and did, per record id (crash and idempotency tests).</summary>
public sealed class WriteCounters
{
    private readonly ConcurrentDictionary<string, int> _requested = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _applied = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _changed = new(StringComparer.Ordinal);
    private long _requests;

    /// <summary>Composite update requests received.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>The ids that at least one composite update applied.</summary>
    public IReadOnlyCollection<string> AppliedIds => [.. _applied.Keys];

    /// <summary>How many composite updates named record <paramref name="id"/>.</summary>
    public int Requested(string id) => _requested.GetValueOrDefault(id);

    /// <summary>How many updates of record <paramref name="id"/> were applied (successes).</summary>
    public int Applied(string id) => _applied.GetValueOrDefault(id);

    /// <summary>How many applied updates of record <paramref name="id"/> changed at least one value.</summary>
    public int Changed(string id) => _changed.GetValueOrDefault(id);

    internal void CountRequest(IEnumerable<string?> ids)
    {
        Interlocked.Increment(ref _requests);
        foreach (var id in ids.OfType<string>())
        {
            _requested.AddOrUpdate(id, 1, (_, n) => n + 1);
        }
    }

    internal void CountApplied(string id, bool changed)
    {
        _applied.AddOrUpdate(id, 1, (_, n) => n + 1);
        if (changed)
        {
            _changed.AddOrUpdate(id, 1, (_, n) => n + 1);
        }
    }
}

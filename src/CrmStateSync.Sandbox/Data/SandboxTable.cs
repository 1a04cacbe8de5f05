namespace CrmStateSync.Sandbox.Data;

/// <summary>
/// The records of one object, thread-safe. Reads take an ordered snapshot (by change stamp, then id as the CRM sorts
/// ids), so a query that is being paged is unaffected by later writes.
/// </summary>
public sealed class SandboxTable(string name, IComparer<string> idOrder)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SandboxRecord> _records = new(StringComparer.Ordinal);
    private SandboxRecord[]? _ordered;
    private SandboxRecord[]? _byId;

    /// <summary>The object's API name (<c>Account</c>, <c>companies</c> …).</summary>
    public string Name { get; } = name;

    /// <summary>Records stored, deleted ones included.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _records.Count;
            }
        }
    }

    public SandboxRecord? Find(string id)
    {
        lock (_lock)
        {
            return _records.GetValueOrDefault(id);
        }
    }

    /// <summary>Adds or replaces a record.</summary>
    public void Put(SandboxRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock)
        {
            _records[record.Id] = record;
            _ordered = null;
            _byId = null;
        }
    }

    /// <summary>
    /// Removes a record without a trace: a deletion no change feed reports (a recycle bin emptied, a hard delete),
    /// which only a full reconciliation read notices. False when it does not exist.
    /// </summary>
    public bool Purge(string id)
    {
        lock (_lock)
        {
            _ordered = null;
            _byId = null;
            return _records.Remove(id);
        }
    }

    /// <summary>Replaces the record <paramref name="id"/> with <paramref name="change"/>(current); null when it does not exist.</summary>
    public SandboxRecord? Update(string id, Func<SandboxRecord, SandboxRecord> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            if (!_records.TryGetValue(id, out var current))
            {
                return null;
            }

            var updated = change(current);
            _records[id] = updated;
            _ordered = null;
            _byId = null;
            return updated;
        }
    }

    /// <summary>Every record ordered by (change stamp, id); an immutable snapshot.</summary>
    public IReadOnlyList<SandboxRecord> Ordered()
    {
        lock (_lock)
        {
            if (_ordered is null)
            {
                var ordered = _records.Values.ToArray();
                Array.Sort(ordered, (a, b) => a.ModifiedAt != b.ModifiedAt ? a.ModifiedAt.CompareTo(b.ModifiedAt) : idOrder.Compare(a.Id, b.Id));
                _ordered = ordered;
            }

            return _ordered;
        }
    }

    /// <summary>Every record ordered by id as the CRM sorts ids; an immutable snapshot (HubSpot's list order).</summary>
    public IReadOnlyList<SandboxRecord> OrderedById()
    {
        lock (_lock)
        {
            if (_byId is null)
            {
                var ordered = _records.Values.ToArray();
                Array.Sort(ordered, (a, b) => idOrder.Compare(a.Id, b.Id));
                _byId = ordered;
            }

            return _byId;
        }
    }

    /// <summary>The order of ids in this table.</summary>
    public IComparer<string> IdOrder => idOrder;
}

namespace CrmStateSync.Sync.Engine;

/// <summary>A cycle's share of a connector's calls by kind: what its counters say now less what they said before.</summary>
public static class CallShare
{
    /// <summary>No calls by kind (the default of a summary whose connector does not count by kind).</summary>
    public static IReadOnlyDictionary<string, long> None { get; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, long>.Empty;

    /// <summary>The kinds whose count grew from <paramref name="before"/> to <paramref name="now"/>, by how much, in kind order.</summary>
    public static IReadOnlyDictionary<string, long> Since(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> now)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(now);
        var share = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (kind, calls) in now)
        {
            var made = calls - before.GetValueOrDefault(kind);
            if (made > 0)
            {
                share[kind] = made;
            }
        }

        return share.Count == 0 ? None : share;
    }
}

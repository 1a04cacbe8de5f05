namespace CrmStateSync.Store;

/// <summary>Settings of the SQLite store (configuration section <c>Store</c>).</summary>
public sealed record SyncStoreOptions
{
    /// <summary>
    /// How far back from an account's newest usage date rows are kept one by one; older rows are folded into the
    /// account's carry row (totals and earliest active date). Must cover the longest window the rules look back.
    /// <value>Default 90 days.</value>
    /// </summary>
    public TimeSpan UsageRetention { get; init; } = TimeSpan.FromDays(90);

    /// <summary>How long a statement waits for another connection's lock before failing. <value>Default 30 s.</value></summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Every problem with these settings, each naming its key and value; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (UsageRetention < TimeSpan.FromDays(1) || UsageRetention.Ticks % TimeSpan.TicksPerDay != 0)
        {
            problems.Add($"Store:UsageRetention must be a whole number of days, at least 1 (was {UsageRetention}).");
        }

        if (BusyTimeout < TimeSpan.Zero || BusyTimeout > TimeSpan.FromSeconds(int.MaxValue / 1000))
        {
            problems.Add($"Store:BusyTimeout must be zero or positive (was {BusyTimeout}).");
        }

        return problems;
    }
}

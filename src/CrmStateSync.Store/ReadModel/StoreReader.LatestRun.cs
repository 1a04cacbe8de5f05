using CrmStateSync.Store.Internal;

namespace CrmStateSync.Store.ReadModel;

/// <summary>The latest finished run: what the console's cached reports are computed as of.</summary>
public sealed partial class StoreReader
{
    /// <summary>The id of the latest run that finished (any outcome), or null before the first one.</summary>
    public Task<long?> LatestFinishedRunAsync(CancellationToken ct) =>
        ReadAsync(c => c.ScalarAsync<long?>("SELECT max(id) FROM runs WHERE finished_at IS NOT NULL", null, null, ct), ct);
}

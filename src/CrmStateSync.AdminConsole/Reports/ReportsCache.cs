using CrmStateSync.AdminConsole.Hosting;
using CrmStateSync.Reports;
using CrmStateSync.Reports.Rendering;
using CrmStateSync.Store;
using CrmStateSync.Store.ReadModel;

namespace CrmStateSync.AdminConsole.Reports;

/// <summary>
/// The velocity, distribution and divergence reports as the console shows them, rendered once per finished run and day:
/// at a million transitions computing them takes far longer than a page may, and their inputs (the history and the
/// values the worker wrote) only change when a cycle finishes. One computation at a time; a request that arrives while
/// one runs waits for it and takes its result.
/// </summary>
public sealed class ReportsCache(ConsoleSite site, StoreReader reader) : IDisposable
{
    /// <summary>
    /// The stuck accounts the page lists, longest first: at 100,000 accounts the whole list is megabytes of table (6.6 MB
    /// at the scale run's store), which no admin reads in a browser; <c>report distribution</c> lists them all.
    /// </summary>
    public const int StuckShown = 100;

    private readonly SemaphoreSlim _computing = new(1, 1);
    // Read without the lock by requests that find the reports current; replaced whole, never changed in place.
    private volatile RenderedReports? _latest;

    /// <summary>How many times the reports were computed (for tests and for the page's note).</summary>
    public int Computations { get; private set; }

    /// <summary>The reports as of <paramref name="asOf"/> and the latest finished run, computed only when either changed.</summary>
    public async Task<RenderedReports> GetAsync(DateOnly asOf, CancellationToken ct)
    {
        var run = await reader.LatestFinishedRunAsync(ct).ConfigureAwait(false);
        if (_latest is { } cached && cached.RunId == run && cached.AsOf == asOf)
        {
            return cached;
        }

        await _computing.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_latest is { } done && done.RunId == run && done.AsOf == asOf)
            {
                return done;
            }

            _latest = await ComputeAsync(run, asOf, ct).ConfigureAwait(false);
            Computations++;
            return _latest;
        }
        finally
        {
            _computing.Release();
        }
    }

    private async Task<RenderedReports> ComputeAsync(long? run, DateOnly asOf, CancellationToken ct)
    {
        var started = site.Clock.GetTimestamp();
        await using var store = await SqliteSyncStore.OpenReadOnlyAsync(site.StorePath, ct).ConfigureAwait(false);
        var input = await ReportReader.ReadAsync(store, site.StageModel, asOf, renewals: true, conflicts: false, ct).ConfigureAwait(false);
        var distribution = DistributionCalculator.Compute(input);
        var set = new ReportSet(input.Data.OrgId, input.Data.Provider, asOf,
            Velocity: VelocityCalculator.Compute(input),
            Distribution: distribution with { Stuck = [.. distribution.Stuck.Take(StuckShown)] },
            Divergence: DivergenceCalculator.Compute(input));
        using var html = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        HtmlRenderer.WriteFragment(html, set);
        return new RenderedReports(run, asOf, html.ToString(), site.Clock.GetUtcNow(), site.Clock.GetElapsedTime(started))
        {
            StuckTotal = distribution.Stuck.Count,
        };
    }

    public void Dispose() => _computing.Dispose();
}

/// <summary>The rendered reports (an HTML fragment, escaped by the Reports library's renderer) and what they are as of.</summary>
public sealed record RenderedReports(long? RunId, DateOnly AsOf, string Html, DateTimeOffset ComputedAt, TimeSpan Took)
{
    /// <summary>All the stuck accounts; the page lists the first <see cref="ReportsCache.StuckShown"/>.</summary>
    public int StuckTotal { get; init; }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using CrmStateSync.Crm.HubSpot.Api;
using CrmStateSync.Crm.HubSpot.Http;

namespace CrmStateSync.Crm.HubSpot.Reading;

/// <summary>
/// Reads a time window through the search endpoint without any query passing the 10,000-result cap: a window whose
/// <c>total</c> exceeds the cap is split in halves by time; a single millisecond holding more than the cap is paged by
/// <c>hs_object_id</c> instead. Results are de-duplicated by (id, timestamp) within a window.
/// </summary>
internal sealed class SearchWindowReader(IHubSpotApi api, HubSpotPaths paths, HubSpotOptions options)
{
    public async IAsyncEnumerable<IReadOnlyList<HubSpotObject>> ReadAsync(ObjectSpec spec, long fromMs, long toMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = await SearchAsync(spec, TimeFilters(spec, fromMs, toMs), TimeSorts(spec), null, cancellationToken).ConfigureAwait(false);
        if (first.Total > options.SearchWindowCap)
        {
            var halves = fromMs >= toMs ? ReadByIdAsync(spec, fromMs, cancellationToken) : ReadHalvesAsync(spec, fromMs, toMs, cancellationToken);
            await foreach (var page in halves.ConfigureAwait(false))
            {
                yield return page;
            }

            yield break;
        }

        var seen = new HashSet<(string?, string?)>();
        for (var page = first; ;)
        {
            yield return Fresh(page, spec, seen);
            if (page.NextAfter is not { } after)
            {
                yield break;
            }

            page = await SearchAsync(spec, TimeFilters(spec, fromMs, toMs), TimeSorts(spec), after, cancellationToken).ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<HubSpotObject>> ReadHalvesAsync(ObjectSpec spec, long fromMs, long toMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var mid = fromMs + ((toMs - fromMs) / 2);
        await foreach (var page in ReadAsync(spec, fromMs, mid, cancellationToken).ConfigureAwait(false))
        {
            yield return page;
        }

        await foreach (var page in ReadAsync(spec, mid + 1, toMs, cancellationToken).ConfigureAwait(false))
        {
            yield return page;
        }
    }

    /// <summary>One millisecond with more records than the cap: keyset paging on <c>hs_object_id</c>, never an offset.</summary>
    private async IAsyncEnumerable<IReadOnlyList<HubSpotObject>> ReadByIdAsync(ObjectSpec spec, long atMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        SearchSort[] byId = [new(ObjectSpec.IdProperty, "ASCENDING")];
        for (string? lastId = null; ;)
        {
            var filters = TimeFilters(spec, atMs, atMs);
            if (lastId is not null)
            {
                filters.Add(new SearchFilter(ObjectSpec.IdProperty, "GT", lastId));
            }

            var page = await SearchAsync(spec, filters, byId, null, cancellationToken).ConfigureAwait(false);
            var results = page.Results ?? [];
            if (results.Count == 0)
            {
                yield break;
            }

            yield return results;
            lastId = results[^1].Id;
            if (page.NextAfter is null || lastId is null)
            {
                yield break;
            }
        }
    }

    private static List<HubSpotObject> Fresh(ObjectPage page, ObjectSpec spec, HashSet<(string?, string?)> seen) =>
        [.. (page.Results ?? []).Where(o => seen.Add((o.Id, RecordConverter.Fields(o).GetValueOrDefault(spec.TimestampProperty))))];

    private static List<SearchFilter> TimeFilters(ObjectSpec spec, long fromMs, long toMs) =>
    [
        new(spec.TimestampProperty, "GTE", fromMs.ToString(CultureInfo.InvariantCulture)),
        new(spec.TimestampProperty, "LTE", toMs.ToString(CultureInfo.InvariantCulture)),
    ];

    private static SearchSort[] TimeSorts(ObjectSpec spec) => [new(spec.TimestampProperty, "ASCENDING"), new(ObjectSpec.IdProperty, "ASCENDING")];

    private Task<ObjectPage> SearchAsync(ObjectSpec spec, List<SearchFilter> filters, SearchSort[] sorts, string? after, CancellationToken cancellationToken)
    {
        var request = new SearchRequest([new FilterGroup(filters)], sorts, spec.Properties, options.SearchPageSize, after);
        return HubSpotCalls.SendAsync($"search {spec.Type}", () => api.SearchObjectsAsync(paths.Objects(spec.Type), request, cancellationToken));
    }
}

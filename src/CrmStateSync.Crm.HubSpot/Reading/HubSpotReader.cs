using System.Runtime.CompilerServices;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot.Api;
using CrmStateSync.Crm.HubSpot.Http;
using CrmStateSync.Crm.Mapping;

namespace CrmStateSync.Crm.HubSpot.Reading;

/// <summary>
/// Incremental reads: a first read (and a reconciliation read) lists the object; later reads search the window from
/// the cursor. Company links come from v4 association batch reads of up to 1,000 ids, gathered across pages.
/// Deletions are not listed here: HubSpot's search cannot see archived records, and listing every archived record each
/// cycle costs a call per 100 of them per object, so the reconciliation read's sweep (a full list, <c>Sync:ReconcileEvery</c>)
/// removes what the portal no longer has — see docs/hubspot-connector.md for how late that may be.
/// </summary>
internal sealed class HubSpotReader(IHubSpotApi api, HubSpotPaths paths, HubSpotOptions options, TimeProvider clock)
{
    private const int ListPageLimit = 100;

    /// <summary>The v4 associations batch read takes at most 1,000 ids a call.</summary>
    internal const int AssociationBatch = 1_000;

    private readonly SearchWindowReader _search = new(api, paths, options);

    public async IAsyncEnumerable<RawRecord> ReadAsync(ObjectSpec spec, ReadCursor cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = cursor.ModifiedAt is { } at
            ? _search.ReadAsync(spec, From(at, cursor.Settled, options.LookBack).ToUnixTimeMilliseconds(), clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken)
            : ListAsync(spec, cancellationToken);
        var batches = spec.LinkedToCompany ? Gather(pages, AssociationBatch) : pages;
        await foreach (var batch in batches.ConfigureAwait(false))
        {
            var companies = spec.LinkedToCompany ? await CompaniesAsync(spec.Type, batch, cancellationToken).ConfigureAwait(false) : null;
            foreach (var o in batch)
            {
                yield return RecordConverter.Record(o, spec, companies);
            }
        }
    }

    /// <summary>
    /// Where a search starts. A cursor not yet settled starts <paramref name="lookBack"/> before it, for the search
    /// index's lag. A settled cursor has re-read its overlap after every late commit could land, and is the highest
    /// (timestamp, id) read: nothing at or before its millisecond remains unread, so the search starts one millisecond
    /// after it and a quiet portal answers with nothing (one call, no association read).
    /// </summary>
    internal static DateTimeOffset From(DateTimeOffset cursor, bool settled, TimeSpan lookBack) =>
        settled ? cursor.AddMilliseconds(1) : cursor - lookBack;

    /// <summary>
    /// Pages regrouped into runs of <paramref name="size"/> records in order (the last run of an object may be shorter),
    /// so one association call covers several pages. At most <paramref name="size"/> records plus one page are held.
    /// </summary>
    internal static async IAsyncEnumerable<IReadOnlyList<HubSpotObject>> Gather(IAsyncEnumerable<IReadOnlyList<HubSpotObject>> pages, int size)
    {
        var run = new List<HubSpotObject>(size);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var o in page)
            {
                run.Add(o);
                if (run.Count == size)
                {
                    yield return run;
                    run = new List<HubSpotObject>(size);
                }
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<HubSpotObject>> ListAsync(ObjectSpec spec, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var properties = string.Join(',', spec.Properties);
        var limit = Math.Min(ListPageLimit, options.SearchPageSize);
        string? after = null;
        do
        {
            var page = await HubSpotCalls.SendAsync($"list {spec.Type}", () => api.ListObjectsAsync(
                paths.Objects(spec.Type), limit, after, properties, "false", cancellationToken)).ConfigureAwait(false);
            yield return page.Results ?? [];
            after = page.NextAfter;
        }
        while (after is not null);
    }

    /// <summary>The company of each record (the first one HubSpot lists): one call for up to 1,000 records, none for none.</summary>
    private async Task<Dictionary<string, string>> CompaniesAsync(string fromType, IReadOnlyList<HubSpotObject> records, CancellationToken cancellationToken)
    {
        var companies = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = paths.Associations(fromType, options.Mapping.Objects["Account"]);
        foreach (var chunk in records.Select(o => o.Id).OfType<string>().Chunk(AssociationBatch))
        {
            var request = new BatchIdsRequest([.. chunk.Select(id => new IdInput(id))]);
            var result = await HubSpotCalls.SendAsync($"read {fromType} associations", () => api.ReadAssociationsAsync(path, request, cancellationToken)).ConfigureAwait(false);
            foreach (var link in result.Results ?? [])
            {
                if (link.From?.Id is { } from && link.To is [var first, ..] && first.Id is { } company)
                {
                    companies.TryAdd(from, company);
                }
            }
        }

        return companies;
    }
}

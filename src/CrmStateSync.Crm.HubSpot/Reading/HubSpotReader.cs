using System.Runtime.CompilerServices;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot.Api;
using CrmStateSync.Crm.HubSpot.Http;
using CrmStateSync.Crm.Mapping;

namespace CrmStateSync.Crm.HubSpot.Reading;

/// <summary>
/// Incremental reads, page by page: a first read lists the object; later reads search the window from the cursor
/// minus the look-back to now, then list archived records to report deletions. Company links come from v4 associations.
/// </summary>
internal sealed class HubSpotReader(IHubSpotApi api, HubSpotPaths paths, HubSpotOptions options, TimeProvider clock)
{
    private const int ListPageLimit = 100;
    private const int AssociationBatch = 1_000;
    private readonly SearchWindowReader _search = new(api, paths, options);

    public async IAsyncEnumerable<RawRecord> ReadAsync(ObjectSpec spec, ReadCursor cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = cursor.ModifiedAt is { } at ? (cursor.Settled ? at : at - options.LookBack) : (DateTimeOffset?)null;
        var pages = since is { } from
            ? _search.ReadAsync(spec, from.ToUnixTimeMilliseconds(), clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken)
            : ListAsync(spec, archived: false, cancellationToken);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            var companies = spec.LinkedToCompany ? await CompaniesAsync(spec.Type, page, cancellationToken).ConfigureAwait(false) : null;
            foreach (var o in page)
            {
                yield return RecordConverter.Record(o, spec, companies);
            }
        }

        if (since is { } cutoff)
        {
            await foreach (var deleted in ArchivedAsync(spec, cutoff, cancellationToken).ConfigureAwait(false))
            {
                yield return deleted;
            }
        }
    }

    /// <summary>Archived (deleted or merged) records whose <c>archivedAt</c> is at or after <paramref name="since"/>.</summary>
    private async IAsyncEnumerable<RawRecord> ArchivedAsync(ObjectSpec spec, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in ListAsync(spec, archived: true, cancellationToken).ConfigureAwait(false))
        {
            foreach (var o in page)
            {
                var archivedAt = RecordConverter.Instant(o.ArchivedAt) ?? RecordConverter.Instant(o.UpdatedAt);
                if (archivedAt is { } when && when >= since)
                {
                    yield return RecordConverter.Deleted(RecordConverter.Id(o, RecordConverter.Fields(o)), when);
                }
            }
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<HubSpotObject>> ListAsync(ObjectSpec spec, bool archived, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var properties = archived ? spec.TimestampProperty : string.Join(',', spec.Properties);
        var limit = Math.Min(ListPageLimit, options.SearchPageSize);
        string? after = null;
        do
        {
            var page = await HubSpotCalls.SendAsync($"list {spec.Type}", () => api.ListObjectsAsync(
                paths.Objects(spec.Type), limit, after, properties, archived ? "true" : "false", cancellationToken)).ConfigureAwait(false);
            yield return page.Results ?? [];
            after = page.NextAfter;
        }
        while (after is not null);
    }

    /// <summary>The company of each record (the first one HubSpot lists), in calls of at most 1,000 ids.</summary>
    private async Task<Dictionary<string, string>> CompaniesAsync(string fromType, IReadOnlyList<HubSpotObject> page, CancellationToken cancellationToken)
    {
        var companies = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = paths.Associations(fromType, options.Mapping.Objects["Account"]);
        foreach (var chunk in page.Select(o => o.Id).OfType<string>().Chunk(AssociationBatch))
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

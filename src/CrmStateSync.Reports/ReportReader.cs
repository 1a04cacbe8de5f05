using CrmStateSync.Store;

namespace CrmStateSync.Reports;

/// <summary>
/// Reads a report's input from a store, as <c>report</c> and the admin console both do: the accounts, the entry dates of
/// time to value's two stages, the history streamed into stays (memory holds the accounts, not the transitions), and —
/// when asked — the renewal dates of diverging accounts and the conflict log.
/// </summary>
public static class ReportReader
{
    public static async Task<ReportInput> ReadAsync(SqliteSyncStore store, ReportStageModel model, DateOnly asOf, bool renewals, bool conflicts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(model);
        // Of the entry dates the worker wrote, reports read only time to value's two stages.
        string[] entryStages = [.. new[] { model.TimeToValueFrom, model.TimeToValueTo }.OfType<string>()];
        StageHistory.Builder? history = null;
        var data = await store.ReadReportDataAsync(ct, entryStages, accounts =>
        {
            var segments = accounts.ToDictionary(a => a.Id, ReportInput.SegmentLabel, StringComparer.Ordinal);
            history = new StageHistory.Builder(asOf, id => segments.GetValueOrDefault(id, ReportInput.NoSegment));
            return history.Add;
        }).ConfigureAwait(false);
        var renewalOn = renewals ? await RenewalsAsync(store, data, asOf, ct).ConfigureAwait(false) : null;
        var log = conflicts ? await store.ListConflictsAsync(null, ct).ConfigureAwait(false) : null;
        return new ReportInput(data, asOf, model, renewalOn, history!.Build(), log);
    }

    /// <summary>The renewal date of each diverging account, as the rules read it from the cached opportunities.</summary>
    public static async Task<IReadOnlyDictionary<string, DateOnly>> RenewalsAsync(SqliteSyncStore store, ReportData data, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(data);
        var renewals = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var diverging = data.LastWritten.Where(a => !string.IsNullOrWhiteSpace(a.Value.GetValueOrDefault(Crm.Contract.ManagedField.Divergence))).Select(a => a.Key);
        foreach (var accountId in diverging)
        {
            if (await store.LoadSnapshotAsync(accountId, ct).ConfigureAwait(false) is { } snapshot
                && Rules.Signals.Renewal.On(snapshot.Opportunities, asOf) is { } on)
            {
                renewals[accountId] = on;
            }
        }

        return renewals;
    }
}

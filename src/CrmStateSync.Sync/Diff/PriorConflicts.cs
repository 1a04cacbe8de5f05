using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Sync.Diff;

/// <summary>
/// What the diff remembers of an account's conflict log (sync.md step 4) — the engine's decision over what the store
/// holds: per field, the latest logged conflict; and a revert not confirmed yet (the worker was killed before the CRM
/// answered, or the CRM refused it) is the same conflict when it is detected again, not a new one.
/// </summary>
public static class PriorConflicts
{
    /// <summary>The latest entry per field (the largest id).</summary>
    public static Dictionary<string, PriorConflict> Latest(IEnumerable<LoggedConflict> log) =>
        log.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Prior(g.MaxBy(e => e.Id)!), StringComparer.Ordinal);

    /// <summary>Whether <see cref="WithUnconfirmedReverts"/> needs the account's journal (some latest entry is a revert).</summary>
    public static bool HasReverts(IReadOnlyDictionary<string, PriorConflict> latest) =>
        latest?.Values.Any(p => p.Action == ConflictAction.Reverted) ?? throw new ArgumentNullException(nameof(latest));

    /// <summary>
    /// Marks each reverted field whose last journaled write (the journal's last entry carrying the field) is not done
    /// and carries the engine value as <see cref="PriorConflict.RevertUnconfirmed"/>; the others as confirmed.
    /// </summary>
    /// <param name="latest">The latest entry per field (<see cref="Latest"/>); updated in place and returned.</param>
    /// <param name="journal">The account's journaled writes, oldest first.</param>
    public static Dictionary<string, PriorConflict> WithUnconfirmedReverts(Dictionary<string, PriorConflict> latest, IReadOnlyList<JournaledWrite> journal)
    {
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(journal);
        foreach (var (field, prior) in latest.Where(p => p.Value.Action == ConflictAction.Reverted).ToList())
        {
            var last = journal.LastOrDefault(e => e.Values.ContainsKey(field));
            var unconfirmed = last is { Done: false } && last.Values[field] == prior.EngineValue;
            latest[field] = prior with { RevertUnconfirmed = unconfirmed };
        }

        return latest;
    }

    /// <summary>The account's prior conflicts as the diff reads them, from <paramref name="store"/> (the journal only when a revert needs it).</summary>
    public static async Task<IReadOnlyDictionary<string, PriorConflict>> LoadAsync(ISyncStore store, string accountId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var latest = Latest(await store.ConflictsOfAsync(accountId, ct).ConfigureAwait(false));
        return HasReverts(latest) ? WithUnconfirmedReverts(latest, await store.JournalOfAsync(accountId, ct).ConfigureAwait(false)) : latest;
    }

    private static PriorConflict Prior(LoggedConflict e) => new(e.CrmValue, e.EngineValue, e.Action, e.Resolved);
}

using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;
using CrmStateSync.Store.Internal;

namespace CrmStateSync.Store;

/// <summary>The stage transition history.</summary>
public sealed partial class SqliteSyncStore
{
    private const string TransitionColumns =
        "id AS Id, account_id AS AccountId, from_stage AS FromStage, to_stage AS ToStage, on_date AS OnDate, source AS Source, reason AS Reason, recorded_at AS RecordedAt";

    /// <summary>
    /// Appends an account's transitions in one transaction. The same change (from, to, date) already recorded for the
    /// account is not stored twice, so replaying a cycle after a crash is safe. Returns how many were new.
    /// </summary>
    public Task<int> AppendTransitionsAsync(string accountId, IReadOnlyList<Transition> transitions, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentNullException.ThrowIfNull(transitions);
        var rows = transitions.Select(t => new
        {
            AccountId = accountId,
            t.From,
            t.To,
            On = Iso.Date(t.On),
            Source = t.Source.ToString(),
            t.Reason,
            Now = Now(),
        }).ToList();
        return InTransactionAsync(
            (c, tx) => c.ExecAsync(
                """
                INSERT OR IGNORE INTO transitions (account_id, from_stage, to_stage, on_date, source, reason, recorded_at)
                VALUES (@AccountId, @From, @To, @On, @Source, @Reason, @Now)
                """,
                rows,
                tx,
                cancellationToken),
            cancellationToken);
    }

    /// <summary>Appends one transition; false when the same change was already recorded.</summary>
    public async Task<bool> AppendTransitionAsync(string accountId, Transition transition, CancellationToken cancellationToken) =>
        await AppendTransitionsAsync(accountId, [transition], cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>The account's transitions, oldest first.</summary>
    public Task<IReadOnlyList<TransitionRecord>> HistoryAsync(string accountId, CancellationToken cancellationToken) =>
        TransitionsAsync("account_id = @AccountId", new { AccountId = accountId }, cancellationToken);

    /// <summary>Every account's transitions dated on or after <paramref name="since"/>, by date (for reports).</summary>
    public Task<IReadOnlyList<TransitionRecord>> TransitionsSinceAsync(DateOnly since, CancellationToken cancellationToken) =>
        TransitionsAsync("on_date >= @Since", new { Since = Iso.Date(since) }, cancellationToken);

    private Task<IReadOnlyList<TransitionRecord>> TransitionsAsync(string where, object param, CancellationToken ct) =>
        UseAsync(
            async c =>
            {
                var rows = await c.ListAsync<TransitionDbRow>($"SELECT {TransitionColumns} FROM transitions WHERE {where} ORDER BY on_date, id", param, null, ct).ConfigureAwait(false);
                return (IReadOnlyList<TransitionRecord>)rows.ConvertAll(r => r.ToRecord());
            },
            ct);

    private sealed class TransitionDbRow
    {
        public long Id { get; set; }
        public string AccountId { get; set; } = "";
        public string? FromStage { get; set; }
        public string? ToStage { get; set; }
        public string OnDate { get; set; } = "";
        public string Source { get; set; } = "";
        public string Reason { get; set; } = "";
        public string RecordedAt { get; set; } = "";

        public TransitionRecord ToRecord() =>
            new(Id, AccountId, FromStage, ToStage, Iso.ParseDate(OnDate), Enum.Parse<StageSource>(Source), Reason, Iso.ParseInstant(RecordedAt));
    }
}

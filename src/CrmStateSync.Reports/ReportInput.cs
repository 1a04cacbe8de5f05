using CrmStateSync.Store;

namespace CrmStateSync.Reports;

/// <summary>
/// Everything a report is computed from — no I/O happens past this point. <see cref="RenewalOn"/> holds the renewal
/// date the rules compute (rules.md §8) for the accounts that have one; it ranks the divergence report.
/// </summary>
public sealed class ReportInput
{
    /// <summary>Segment label of accounts whose CRM record has none, or that are no longer cached.</summary>
    public const string NoSegment = "(none)";

    private readonly Dictionary<string, ReportAccount> _accounts;

    /// <summary>
    /// The input of the reports; <c>history</c> is the one read while streaming from the store (null: read from
    /// <c>data.Transitions</c>); <c>conflicts</c> the conflict log, read only for the reports that show it (none by default).
    /// </summary>
    public ReportInput(ReportData data, DateOnly asOf, ReportStageModel model, IReadOnlyDictionary<string, DateOnly>? renewalOn = null, StageHistory? history = null,
        IReadOnlyList<ConflictEntry>? conflicts = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        (Data, AsOf, Model, RenewalOn, Conflicts) = (data, asOf, model, renewalOn ?? new Dictionary<string, DateOnly>(), conflicts ?? []);
        _accounts = data.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        History = history ?? StageHistory.Of(data.Transitions, asOf, SegmentOf);
    }

    /// <summary>The segment label of <paramref name="account"/> (<see cref="NoSegment"/> when unknown or empty).</summary>
    public static string SegmentLabel(ReportAccount? account) => account is { Segment: { } s } && !string.IsNullOrWhiteSpace(s) ? s : NoSegment;

    public ReportData Data { get; }

    public DateOnly AsOf { get; }

    public ReportStageModel Model { get; }

    public IReadOnlyDictionary<string, DateOnly> RenewalOn { get; }

    /// <summary>The conflict log, oldest first (empty unless the report shows it).</summary>
    public IReadOnlyList<ConflictEntry> Conflicts { get; }

    /// <summary>The history as it stood on the as-of date.</summary>
    public StageHistory History { get; }

    /// <summary>The accounts in the cache: the org's accounts today.</summary>
    public IReadOnlyList<ReportAccount> Accounts => Data.Accounts;

    public string SegmentOf(string accountId) => SegmentLabel(_accounts.GetValueOrDefault(accountId));

    public string? NameOf(string accountId) => _accounts.TryGetValue(accountId, out var a) ? a.Name : null;

    /// <summary>A value the worker last wrote for the account (canonical key), or null.</summary>
    public string? LastWritten(string accountId, string field) =>
        Data.LastWritten.TryGetValue(accountId, out var fields) ? fields.GetValueOrDefault(field) : null;
}

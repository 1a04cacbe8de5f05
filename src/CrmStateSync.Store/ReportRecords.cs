namespace CrmStateSync.Store;

/// <summary>A cached account as reports show it: its CRM id, name and segment (null when the CRM has none).</summary>
public sealed record ReportAccount(string Id, string? Name, string? Segment);

/// <summary>
/// What a report reads from the store, all at once: which org the file belongs to, the cached accounts, the values the
/// worker last wrote per account that reports read (canonical key → text: <c>stage</c>, <c>divergence</c>,
/// <c>timeToValueDays</c>, <c>state:*</c>, <c>stageEntryDate:*</c>), the whole
/// transition history (by date) and every run (newest first).
/// </summary>
public sealed record ReportData(
    string OrgId,
    string Provider,
    IReadOnlyList<ReportAccount> Accounts,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> LastWritten,
    IReadOnlyList<TransitionRecord> Transitions,
    IReadOnlyList<RunRecord> Runs);

namespace CrmStateSync.Store;

/// <summary>A cached account as reports show it: its CRM id, name and segment (null when the CRM has none).</summary>
public sealed record ReportAccount(string Id, string? Name, string? Segment);

/// <summary>
/// What a report reads from the store, all at once: which org the file belongs to, the cached accounts, the values the
/// worker last wrote per account (canonical field key → text, e.g. <c>divergence</c>, <c>state:goalClarity</c>), the whole
/// transition history (by date) and every run (newest first).
/// </summary>
public sealed record ReportData(
    string OrgId,
    string Provider,
    IReadOnlyList<ReportAccount> Accounts,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> LastWritten,
    IReadOnlyList<TransitionRecord> Transitions,
    IReadOnlyList<RunRecord> Runs);

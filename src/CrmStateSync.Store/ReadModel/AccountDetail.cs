namespace CrmStateSync.Store.ReadModel;

/// <summary>
/// One account as the console shows it. <see cref="ManagedText"/> is what the CRM holds for every managed field (canonical
/// keys, canonical text), as last read; <see cref="LastWritten"/> is what the worker itself last wrote.
/// </summary>
public sealed record AccountDetail(
    string Id,
    string? Name,
    string? Segment,
    string ModifiedAt,
    IReadOnlyDictionary<string, string?> ManagedText,
    IReadOnlyList<TransitionRow> Transitions,
    IReadOnlyList<ConflictEntry> Conflicts,
    IReadOnlyList<ProblemRow> Problems,
    IReadOnlyList<AccountTaskRow> Tasks,
    IReadOnlyList<LastWrittenRow> LastWritten);

/// <summary>A stage change: <see cref="Source"/> is Automated (the rules), Manual (a person edited the stage) or Backfill.</summary>
public sealed class TransitionRow
{
    public long Id { get; set; }
    public string? FromStage { get; set; }
    public string? ToStage { get; set; }
    public string OnDate { get; set; } = "";
    public string Source { get; set; } = "";
    public string Reason { get; set; } = "";
    public string RecordedAt { get; set; } = "";
}

/// <summary>An intervention task the worker raised for the account.</summary>
public sealed class AccountTaskRow
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public string Status { get; set; } = "";
    public string? Reason { get; set; }
    public string? Due { get; set; }
    public string? CrmTaskId { get; set; }
    public string ReservedAt { get; set; } = "";
    public string? ClosedAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>A field's value as the worker last wrote it (text; null = cleared).</summary>
public sealed class LastWrittenRow
{
    public string Field { get; set; } = "";
    public string? Value { get; set; }
    public string WrittenAt { get; set; } = "";
}

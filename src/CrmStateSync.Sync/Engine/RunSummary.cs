namespace CrmStateSync.Sync.Engine;

/// <summary>What one cycle did: the run row of sync.md, and the one summary log line.</summary>
public sealed record RunSummary
{
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>
    /// <c>ok</c>, <c>partial</c> (some records rejected or unreadable), <c>stopped</c> (a graceful stop ended it between
    /// two chunks; the next cycle does the rest), <c>budget</c>, <c>failed</c>.
    /// </summary>
    public string Outcome { get; init; } = "ok";

    public int Read { get; init; }
    public int Problems { get; init; }
    public int Evaluated { get; init; }
    public int Written { get; init; }
    public int Rejected { get; init; }
    public int Conflicts { get; init; }
    public int Transitions { get; init; }
    public int Tasks { get; init; }
    public long ApiCalls { get; init; }

    /// <summary>The cycle's <see cref="ApiCalls"/> by kind, as the connector names them; empty (the default) when it does not count by kind.</summary>
    public IReadOnlyDictionary<string, long> CallsByKind { get; init; } = CallShare.None;

    /// <summary>The org's daily API requests used and allowed, as the CRM last reported them (all its clients, not this worker's alone); null when it does not.</summary>
    public long? OrgApiUsed { get; init; }

    public long? OrgApiMax { get; init; }
    public bool DryRun { get; init; }

    /// <summary>This cycle read every object in full (a reconciliation).</summary>
    public bool Reconciled { get; init; }

    /// <summary>Cached records a reconciliation found gone from the CRM (deletions a cursor missed).</summary>
    public int Removed { get; init; }

    public override string ToString() =>
        $"{Outcome}: read {Read} ({Problems} problems), evaluated {Evaluated}, written {Written}, rejected {Rejected}, "
        + $"conflicts {Conflicts}, transitions {Transitions}, tasks {Tasks}, API calls {ApiCalls}"
        + $"{(Reconciled ? $", reconciled ({Removed} removed)" : "")}{(DryRun ? " (dry run)" : "")}";
}

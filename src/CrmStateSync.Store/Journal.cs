using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Store;

/// <summary>One account's write to journal before sending: the fields and values, and the stage decision it carries (if any).</summary>
/// <param name="Write">The managed fields to write.</param>
/// <param name="Stage">The worker's stage decision this write makes durable; becomes last-written when the CRM confirms.</param>
public sealed record JournalWrite(AccountWrite Write, LastWritten? Stage = null);

/// <summary>Where a journaled write stands.</summary>
public enum JournalStatus
{
    /// <summary>Journaled, sent or about to be, not confirmed: after a crash, resend it.</summary>
    Pending,

    /// <summary>The CRM confirmed it.</summary>
    Done,

    /// <summary>The CRM refused it (its code and message are kept); retried when transient.</summary>
    Rejected,

    /// <summary>A rejected write that a later write of the same account replaced successfully.</summary>
    Superseded,
}

/// <summary>A journaled write of one account.</summary>
public sealed record JournalEntry(
    long Id,
    long BatchId,
    string AccountId,
    IReadOnlyDictionary<string, string?> Values,
    LastWritten? Stage,
    JournalStatus Status,
    bool Transient,
    IReadOnlyList<CrmError> Errors,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    /// <summary>The fields written (the keys of <see cref="Values"/>).</summary>
    public IEnumerable<string> Fields => Values.Keys;

    /// <summary>The CRM's first error code, when rejected.</summary>
    public string? ErrorCode => Errors.Count > 0 ? Errors[0].Code : null;

    /// <summary>The CRM's first error message, when rejected.</summary>
    public string? ErrorMessage => Errors.Count > 0 ? Errors[0].Message : null;
}

/// <summary>What completing a batch did: entries confirmed, entries rejected, results that matched no pending entry.</summary>
public sealed record BatchCompletion(int Done, int Rejected, int Unmatched);

using CrmStateSync.Output;
using CrmStateSync.Store;

namespace CrmStateSync.AdminConsole.Pages.Conflicts;

/// <summary>How the conflict pages put a conflict in words: the same words as <c>conflicts show</c> and <c>conflicts resolve</c>.</summary>
public static class ConflictText
{
    public static string Day(DateOnly day) => ConflictListWriter.Day(day);

    /// <summary>Open, resolved (and whether applied), or settled by the worker.</summary>
    public static string Status(ConflictEntry c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.IsOpen ? "open" : c.ResolvedOn is not null ? (c.AppliedAt is null ? "resolved, applied on the next cycle" : "resolved, applied") : "settled by the worker";
    }

    /// <summary>What the worker did: Reverted, Accepted or Open, with its meaning.</summary>
    public static string Action(ConflictEntry c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return $"{c.Action}: the worker {ConflictDetailsWriter.Meaning(c.Action)}";
    }

    public static string Value(string? value) => value ?? "(empty)";

    /// <summary>The value kept, and which side it is.</summary>
    public static (string Side, string? Value) Kept(ConflictEntry c, ConflictKeep keep)
    {
        ArgumentNullException.ThrowIfNull(c);
        return keep == ConflictKeep.Crm ? ("CRM", c.CrmValue) : ("engine", c.EngineValue);
    }

    /// <summary>What a resolution makes the worker do, as <c>conflicts resolve</c> explains it.</summary>
    public static string Consequence(ConflictKeep keep) => keep == ConflictKeep.Crm
        ? "The human value stays: the worker leaves this field alone until its computed value changes."
        : "The worker writes its computed value on the next cycle.";

    /// <summary>Why a conflict cannot be resolved (already resolved, or settled by the worker); nothing was changed.</summary>
    public static string NotOpen(ConflictEntry c) => ConflictDetailsWriter.NotOpen(c);

    /// <summary><c>crm</c> or <c>engine</c> from a form; null for anything else.</summary>
    public static ConflictKeep? ParseKeep(string? keep) => keep switch
    {
        "crm" => ConflictKeep.Crm,
        "engine" => ConflictKeep.Engine,
        _ => null,
    };
}

using CrmStateSync.Store;
using CrmStateSync.Sync.Diff;

namespace CrmStateSync.Output;

/// <summary><c>conflicts show</c> and <c>conflicts resolve</c>: one conflict in full, and what a resolution means.</summary>
public static class ConflictDetailsWriter
{
    public static void Write(TextWriter output, ConflictEntry e)
    {
        output.WriteLine($"Conflict {e.Id}");
        Line(output, "detected on", ConflictListWriter.Day(e.DetectedOn));
        Line(output, "account", ConflictListWriter.Account(e));
        Line(output, "field", e.Field);
        Line(output, "CRM value", e.CrmValue ?? "(empty)");
        Line(output, "engine value", e.EngineValue ?? "(empty)");
        Line(output, "action", $"{e.Action} ({Meaning(e.Action)})");
        Line(output, "rule", e.Rule ?? "(none)");
        Line(output, "resolved", e.ResolvedOn is not null ? ConflictListWriter.Resolution(e) : e.IsOpen ? "no (open for an admin)" : "n/a (settled by the worker)");
        if (e.IsOpen)
        {
            output.WriteLine($"Resolve it with: conflicts resolve {e.Id} --keep crm|engine");
        }
    }

    /// <summary>What was kept and what the worker will do with it.</summary>
    public static void WriteResolved(TextWriter output, ConflictEntry e, ConflictKeep keep, DateOnly on)
    {
        var (kept, value) = keep == ConflictKeep.Crm ? ("CRM", e.CrmValue) : ("engine", e.EngineValue);
        output.WriteLine($"Conflict {e.Id} resolved on {ConflictListWriter.Day(on)}: kept the {kept} value '{value ?? "(empty)"}' "
            + $"of {e.Field} on account {ConflictListWriter.Account(e)} (CRM '{e.CrmValue ?? "(empty)"}', engine '{e.EngineValue ?? "(empty)"}').");
        output.WriteLine(keep == ConflictKeep.Crm
            ? "--keep crm: the human value stays; the worker leaves this field alone until its computed value changes."
            : "--keep engine: the worker writes its computed value on the next cycle.");
        output.WriteLine("The account is marked changed: the next cycle (run, or sync --once) applies this; conflicts show " + e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + " says when.");
    }

    /// <summary>Why a conflict cannot be resolved: it was resolved already, or the worker settled it itself.</summary>
    public static string NotOpen(ConflictEntry e) => e.ResolvedOn is not null
        ? $"Conflict {e.Id} was already resolved on {ConflictListWriter.Resolution(e)}; nothing changed."
        : $"Conflict {e.Id} is not open: the worker {Meaning(e.Action)} under '{e.Rule}'. Only conflicts left open for an admin (Review) can be resolved.";

    /// <summary>What the worker did, in the words an admin reads (shared with the console's conflict page).</summary>
    public static string Meaning(ConflictAction action) => action switch
    {
        ConflictAction.Reverted => "wrote the computed value back over the human edit",
        ConflictAction.Accepted => "kept the human value",
        _ => "left it for an admin",
    };

    private static void Line(TextWriter output, string label, string value) => output.WriteLine($"  {label,-13} {value}");
}

using System.Text.Json;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;
using CrmStateSync.Snapshots;

namespace CrmStateSync.Output;

/// <summary>The JSON of evaluation results: per account the stage, entry dates, states, milestones, divergence,
/// transitions and interventions, each value with its reason; and the input problems. <see cref="EvaluateOutput"/>
/// streams them.</summary>
internal static class ResultJsonWriter
{
    /// <summary>The <c>errors</c> array: each input problem with its account, JSON path and message.</summary>
    public static void WriteProblems(Utf8JsonWriter w, IReadOnlyList<InputProblem> problems)
    {
        w.WriteStartArray("errors");
        foreach (var p in problems)
        {
            w.WriteStartObject();
            w.WriteString("account", p.Account);
            w.WriteString("path", p.Path);
            w.WriteString("message", p.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>One account's result object: an item of <c>results</c>, or a line of JSON Lines.</summary>
    public static void WriteResult(Utf8JsonWriter w, AccountSnapshot snapshot, EvaluationResult r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.AccountId);
        w.WriteString("name", snapshot.Name);
        w.WriteString("segment", snapshot.Segment);
        StageJson.Write(w, r.Stage);
        w.WriteStartObject("states");
        foreach (var s in r.States)
        {
            w.WriteStartObject(s.State.Key());
            w.WriteString("value", s.Value.ToString());
            WriteDate(w, "verifiedOn", s.VerifiedOn);
            w.WriteString("reason", s.Reason.ToString());
            w.WriteEndObject();
        }

        w.WriteEndObject();
        WriteMilestones(w, r);
        w.WriteStartObject("divergence");
        w.WriteString("text", r.Divergence.Text);
        w.WriteString("reason", r.Divergence.Reason);
        w.WriteEndObject();
        StageJson.WriteTransitions(w, r.Stage.Transitions);
        w.WriteStartArray("interventions");
        foreach (var i in r.Interventions)
        {
            w.WriteStartObject();
            w.WriteString("kind", i.Kind.ToString());
            w.WriteString("due", Iso(i.Due));
            w.WriteString("reason", i.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteMilestones(Utf8JsonWriter w, EvaluationResult r)
    {
        var m = r.Milestones;
        w.WriteStartObject("milestones");
        w.WriteNumber("completed", m.Completed);
        w.WriteNumber("total", m.Total);
        w.WriteString("next", m.NextMilestone);
        WriteDates(w, "completedOn", m.CompletedOn);
        w.WriteBoolean("stalled", m.Stalled);
        WriteDate(w, "stalledSince", m.StalledSince);
        w.WriteString("reason", m.Reason.ToString());
        w.WriteEndObject();
    }

    internal static void WriteDates(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, DateOnly> dates)
    {
        w.WriteStartObject(name);
        foreach (var (key, date) in dates.OrderBy(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal))
        {
            w.WriteString(key, Iso(date));
        }

        w.WriteEndObject();
    }

    internal static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, Iso(d));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");
}

/// <summary>The stage part of a result.</summary>
internal static class StageJson
{
    public static void Write(Utf8JsonWriter w, StageOutcome s)
    {
        w.WriteStartObject("stage");
        w.WriteString("value", s.Stage);
        w.WriteString("reason", s.Reason);
        ResultJsonWriter.WriteDate(w, "enteredOn", s.EnteredOn);
        WriteNumber(w, "daysInStage", s.DaysInStage);
        WriteNumber(w, "timeToValueDays", s.TimeToValueDays);
        ResultJsonWriter.WriteDates(w, "entryDates", s.EntryDates);
        w.WriteStartObject("lastWritten");
        w.WriteString("stage", s.LastWritten.Stage);
        w.WriteString("stageSource", s.LastWritten.StageSource.ToString());
        ResultJsonWriter.WriteDate(w, "stageSetOn", s.LastWritten.StageSetOn);
        w.WriteEndObject();
        if (s.ManualMove is { } move)
        {
            w.WriteStartObject("manualMove");
            w.WriteString("from", move.From);
            w.WriteString("to", move.To);
            w.WriteBoolean("accepted", move.Accepted);
            w.WriteString("rule", move.Rule.ToString());
            w.WriteString("reason", move.Reason);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("manualMove");
        }

        w.WriteBoolean("clearOverrideReason", s.ClearOverrideReason);
        w.WriteEndObject();
    }

    public static void WriteTransitions(Utf8JsonWriter w, IReadOnlyList<Transition> transitions)
    {
        w.WriteStartArray("transitions");
        foreach (var t in transitions)
        {
            w.WriteStartObject();
            w.WriteString("from", t.From);
            w.WriteString("to", t.To);
            w.WriteString("on", ResultJsonWriter.Iso(t.On));
            w.WriteString("source", t.Source.ToString());
            w.WriteString("reason", t.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}

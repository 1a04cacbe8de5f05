using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Stages;

/// <summary>
/// A stage change: from (null = no stage), to (null = cleared), its entry date, who made it and why. The reason is
/// rendered when first read, so a replay that never prints it does not pay for the text.
/// </summary>
public sealed class Transition
{
    private readonly CompiledStage? _stage;
    private readonly CompiledRiskSignal? _risk;
    private readonly Signals.Signals? _signals;
    private string? _reason;

    public Transition(string? from, string? to, DateOnly on, StageSource source, string reason)
    {
        (From, To, On, Source, _reason) = (from, to, on, source, reason);
    }

    private Transition(string? from, CompiledStage to, DateOnly on, StageSource source, Signals.Signals signals, CompiledRiskSignal? risk)
    {
        (From, To, On, Source) = (from, to.Name, on, source);
        (_stage, _signals, _risk) = (to, signals, risk);
    }

    public string? From { get; }
    public string? To { get; }
    public DateOnly On { get; }
    public StageSource Source { get; }

    /// <summary>Why, e.g. "Adopting since 2026-03-02: 14 value actions in the last 14 days ≥ 10".</summary>
    public string Reason => _reason ??= _risk is null
        ? StageReasons.Entered(_stage!, On, _signals!)
        : StageReasons.Risk(_stage!, On, _risk, _signals!);

    /// <summary>Entering a stage because its criterion held (reason from the stage's template).</summary>
    internal static Transition Entered(string? from, CompiledStage to, DateOnly on, StageSource source, Signals.Signals signals) =>
        new(from, to, on, source, signals, null);

    /// <summary>Entering the risk stage because a risk signal held.</summary>
    internal static Transition AtRisk(string? from, CompiledStage to, DateOnly on, StageSource source, CompiledRiskSignal risk, Signals.Signals signals) =>
        new(from, to, on, source, signals, risk);

    public override string ToString() => $"{From ?? "(none)"} → {To ?? "(cleared)"} on {On:yyyy-MM-dd} ({Source}): {Reason}";
}

using System.Collections.Concurrent;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.States;

namespace CrmStateSync.Rules.Evaluation;

/// <summary>
/// Where the stage and the states disagree (rules.md §6): the text written beside the stage, empty when they agree.
/// Texts are shared per combination of state values, so computing divergence allocates nothing.
/// </summary>
public readonly struct Divergence : IEquatable<Divergence>
{
    private const string AheadText = "Ahead of stage: Goal Clarity, Configured for Goals, Multi-Stakeholder Engagement Hit";
    private static readonly ConcurrentDictionary<int, string> HiddenRiskTexts = new();

    private readonly DivergenceKind _kind;
    private readonly string? _stage;
    private readonly int? _renewalInDays;

    private Divergence(DivergenceKind kind, string text, string? stage, int? renewalInDays)
    {
        (_kind, Text, _stage, _renewalInDays) = (kind, text, stage, renewalInDays);
    }

    private enum DivergenceKind
    {
        None,
        HiddenRiskByStage,
        HiddenRiskByRenewal,
        AheadOfStage,
    }

    /// <summary>"Hidden risk: …", "Ahead of stage: …" or empty.</summary>
    public string Text { get; }

    /// <summary>Why the text is what it is.</summary>
    public string Reason => _kind switch
    {
        DivergenceKind.HiddenRiskByStage => $"stage {_stage} while states are not Hit",
        DivergenceKind.HiddenRiskByRenewal => $"renewal in {_renewalInDays} days while states are not Hit",
        DivergenceKind.AheadOfStage => $"stage {_stage} while goal, configuration and stakeholder states are all Hit",
        _ => "stage and states agree",
    };

    internal static Divergence Compute(CompiledRules rules, string? stage, StateOutcome[] states, Signals.Signals signals)
    {
        var renewalSoon = signals.RenewalInDays is >= 0 and var d && d <= signals.T.DivergenceRenewalDays;
        var riskStage = rules.IsHiddenRiskStage(stage);
        var notHit = NotHitCode(states);
        if ((riskStage || renewalSoon) && notHit != 0)
        {
            var text = HiddenRiskTexts.GetOrAdd(notHit, static (code, s) => HiddenRiskText(s), states);
            return new Divergence(riskStage ? DivergenceKind.HiddenRiskByStage : DivergenceKind.HiddenRiskByRenewal, text, stage, signals.RenewalInDays);
        }

        if (rules.IsAheadOfStageStage(stage)
            && states[(int)CsState.GoalClarity].Value == StateValue.Hit
            && states[(int)CsState.ConfiguredForGoals].Value == StateValue.Hit
            && states[(int)CsState.MultiStakeholderEngagement].Value == StateValue.Hit)
        {
            return new Divergence(DivergenceKind.AheadOfStage, AheadText, stage, null);
        }

        return new Divergence(DivergenceKind.None, "", stage, null);
    }

    /// <summary>Base-3 code of the six values (0 = all Hit); it keys the shared texts.</summary>
    private static int NotHitCode(StateOutcome[] states)
    {
        var code = 0;
        foreach (var s in states)
        {
            code = (code * 3) + (int)s.Value;
        }

        return code;
    }

    private static string HiddenRiskText(StateOutcome[] states) =>
        "Hidden risk: " + string.Join("; ", states.Where(s => s.Value != StateValue.Hit).Select(s => $"{s.State.Label()} {s.Value}"));

    public bool Equals(Divergence other) => Text == other.Text && Reason == other.Reason;

    public override bool Equals(object? obj) => obj is Divergence other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Text, _kind);

    public static bool operator ==(Divergence left, Divergence right) => left.Equals(right);

    public static bool operator !=(Divergence left, Divergence right) => !left.Equals(right);
}

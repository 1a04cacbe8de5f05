namespace CrmStateSync.Reports;

/// <summary>
/// Accounts per current stage with the playbook's monthly red flags (seed 004, "Maintenance Schedule"): more than
/// <see cref="ConcentrationThreshold"/> of staged accounts in one stage they are meant to move through; accounts in such
/// a stage longer than <see cref="StuckDays"/>; manual transitions above <see cref="ManualThreshold"/> of all
/// transitions; accounts without a stage. Thresholds are strict: exactly 20% is not a red flag.
/// </summary>
/// <remarks>
/// <para><c>Accounts</c>: Accounts in the cache (the org's accounts).</para>
/// <para><c>WithStage</c>: Of those, accounts with a stage on the as-of date: the denominator of every stage share.</para>
/// <para><c>Stages</c>: Every stage in model order, with its count and share.</para>
/// <para><c>Stuck</c>: Accounts stuck longer than <see cref="StuckDays"/>, worst (longest) first.</para>
/// </remarks>
public sealed record DistributionReport(
    DateOnly AsOf,
    int Accounts,
    int WithStage,
    int WithoutStage,
    IReadOnlyList<StageShare> Stages,
    int StuckDays,
    IReadOnlyList<StuckAccount> Stuck,
    ManualShare ManualLast90Days,
    ManualShare ManualAllTime,
    IReadOnlyList<RedFlag> RedFlags)
{
    /// <summary>Playbook: "&gt;20% of accounts in a single non-terminal stage".</summary>
    public const double ConcentrationThreshold = 0.20;

    /// <summary>Playbook: "&gt;15% of transitions happening via direct field edit" — a manual move is a CSM editing the stage.</summary>
    public const double ManualThreshold = 0.15;

    /// <summary>
    /// Default for <c>--stuck-days</c>: the playbook's typical durations top out at 90 days (Onboarding 14–90, Adopting
    /// 30–90), so a longer stay in a stage meant to be passed through is stuck.
    /// </summary>
    public const int DefaultStuckDays = 90;

    /// <summary>The window of <see cref="ManualLast90Days"/>: <c>[asOf − 89, asOf]</c>, as rules.md reads "last N days".</summary>
    public const int RecentDays = 90;
}

/// <summary>A stage's accounts; <see cref="Share"/> of accounts with a stage (null when none has one).</summary>
/// <remarks>
/// <para><c>Resting</c>: True for stages accounts may rest in (the last progression stage, terminal ones): never flagged.</para>
/// </remarks>
public sealed record StageShare(string Stage, int Accounts, double? Share, bool Resting, bool RedFlag);

/// <summary>An account in a stage longer than the threshold, entered on <see cref="EnteredOn"/>.</summary>
public sealed record StuckAccount(string AccountId, string? Name, string Segment, string Stage, DateOnly EnteredOn, int Days);

/// <summary>Manual transitions among all transitions of a window; <see cref="Share"/> null when there were none.</summary>
public sealed record ManualShare(int Manual, int Transitions, double? Share, bool RedFlag);

/// <summary>A red flag raised: its kind (<c>concentration</c>, <c>stuck</c>, <c>manual</c>, <c>noStage</c>) and what it says.</summary>
public sealed record RedFlag(string Kind, string Message);

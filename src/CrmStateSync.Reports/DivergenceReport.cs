namespace CrmStateSync.Reports;

/// <summary>
/// Accounts whose stage and states disagree: the divergence text the worker last wrote (rules.md §6), worst first.
/// Worst means, in order: hidden risk before ahead of stage (risk is where the work is); more states not Hit; more of them
/// Reset (back to square one) than Slipping; the renewal sooner (accounts without a known renewal after those with one);
/// then account id, so the order is stable.
/// </summary>
/// <remarks>
/// <para><c>Total</c>: Every diverging account; <see cref="Accounts"/> holds the worst <c>--limit</c> of them.</para>
/// </remarks>
public sealed record DivergenceReport(DateOnly AsOf, int Total, IReadOnlyList<DivergentAccount> Accounts)
{
    public const string WorstFirst = "hidden risk before ahead of stage; then more states not Hit; then more Reset; then the renewal sooner; then account id";

    public const int DefaultLimit = 50;
}

/// <summary>One diverging account: its stage, the written divergence text, and what ranks it.</summary>
/// <remarks>
/// <para><c>Kind</c>: <c>Hidden risk</c>, <c>Ahead of stage</c>, or <c>Other</c> for a text of another stage model.</para>
/// <para><c>RenewalInDays</c>: Days from the as-of date to the renewal; null when none is known.</para>
/// </remarks>
public sealed record DivergentAccount(
    int Rank,
    string AccountId,
    string? Name,
    string Segment,
    string? Stage,
    string Kind,
    string Text,
    int StatesNotHit,
    int StatesReset,
    DateOnly? RenewalOn,
    int? RenewalInDays);

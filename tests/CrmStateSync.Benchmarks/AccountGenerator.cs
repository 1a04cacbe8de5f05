using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Benchmarks;

/// <summary>
/// Deterministic generator of typical accounts (90 daily usage rows, 10 contacts, 5 opportunities) across the stages
/// and the main state paths. Account <c>i</c> depends only on the seed and <c>i</c>, so chunks can be generated in
/// any order and in parallel and still give the same accounts.
/// </summary>
public sealed class AccountGenerator(int seed = AccountGenerator.DefaultSeed)
{
    public const int DefaultSeed = 20260601;

    /// <summary>The as-of date every generated account is evaluated on.</summary>
    public static readonly DateOnly AsOf = new(2026, 6, 1);

    /// <summary>The mix, per 100 accounts.</summary>
    private static readonly (AccountProfile Profile, int Weight)[] Mix =
    [
        (AccountProfile.NewCustomer, 5),
        (AccountProfile.Onboarding, 10),
        (AccountProfile.Adopting, 15),
        (AccountProfile.Healthy, 30),
        (AccountProfile.Drifting, 15),
        (AccountProfile.AtRisk, 15),
        (AccountProfile.Churned, 10),
    ];

    private static readonly string[] Goals =
        ["Cut month-end close from 10 to 5 days", "Double self-serve onboarding", "Halve ticket backlog", "Forecast within 5%"];

    /// <summary>Account number <paramref name="index"/> of the mix.</summary>
    public AccountSnapshot Generate(int index)
    {
        var rng = Rng(index);
        return Build(index, Pick(rng.Next(100)), rng);
    }

    /// <summary>Account number <paramref name="index"/>, forced to a profile.</summary>
    public AccountSnapshot Generate(int index, AccountProfile profile) => Build(index, profile, Rng(index));

    /// <summary>Accounts <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1, generated in parallel.</summary>
    public AccountSnapshot[] Generate(int start, int count, bool withPrevious = false)
    {
        var accounts = new AccountSnapshot[count];
        Parallel.For(0, count, i =>
        {
            var account = Generate(start + i);
            accounts[i] = withPrevious ? WithPrevious(account) : account;
        });
        return accounts;
    }

    /// <summary>
    /// The steady state: the snapshot as the next evaluation sees it after the first one was written and nothing
    /// else changed (previous managed values and the worker's last written stage filled in).
    /// </summary>
    public static AccountSnapshot WithPrevious(AccountSnapshot snapshot) => RulesEngine.Default.Evaluate(snapshot, AsOf).Apply(snapshot);

    private Random Rng(int index) => new(unchecked((seed * 1_000_003) + index));

    private static AccountProfile Pick(int roll)
    {
        foreach (var (profile, weight) in Mix)
        {
            if (roll < weight)
            {
                return profile;
            }

            roll -= weight;
        }

        return AccountProfile.Healthy;
    }

    private static AccountSnapshot Build(int index, AccountProfile profile, Random rng)
    {
        var s = AccountShapes.Draw(profile, rng);
        var id = $"acc-{index:D7}";
        var won = AsOf.AddDays(-s.WonDaysAgo);
        return new AccountSnapshot
        {
            Id = id,
            Name = $"Account {index}",
            Segment = index % 5 == 0 ? "enterprise" : "default",
            OwnerId = $"owner-{index % 50}",
            Managed = s.CrmStage is null ? ManagedValues.Empty : new ManagedValues { Stage = s.CrmStage },
            GoalOwnerId = s.GoalsSet ? id + "-c0" : null,
            PrimaryGoal = s.GoalsSet ? Goals[index % Goals.Length] : null,
            GoalReviewedOn = s.GoalsSet ? Ago(s.ReviewDaysAgo) : null,
            GoalChangedOn = Ago(s.GoalChangedDaysAgo),
            LeadershipChangeOn = Ago(s.LeadershipChangeDaysAgo),
            KickoffOn = After(won, s.KickoffAfterWon),
            OnboardingCompleteOn = After(won, s.OnboardingCompleteAfterWon),
            WorkflowsLive = s.WorkflowsLive,
            ConfigVerifiedOn = Ago(s.ConfigVerifiedDaysAgo),
            WorkflowGapOn = Ago(s.WorkflowGapDaysAgo),
            IntegrationStatus = s.Integration,
            IntegrationChangedOn = s.Integration is null ? null : Ago(s.IntegrationChangedDaysAgo),
            InNewHireOnboarding = s.InNewHireOnboarding,
            LastOutcomeOn = Ago(s.OutcomeDaysAgo),
            LastOutcome = s.OutcomeDaysAgo is null ? null : "Close time down 30%",
            Opportunities = AccountParts.Opportunities(id, s, AsOf, rng),
            Contacts = AccountParts.Contacts(id, s, AsOf, rng),
            Usage = AccountParts.Usage(s, AsOf, rng),
        };
    }

    private static DateOnly? Ago(int? days) => days is { } d ? AsOf.AddDays(-d) : null;

    /// <summary>A date after the win, or null when it would fall after as-of (it has not happened yet).</summary>
    private static DateOnly? After(DateOnly won, int? days) => days is { } d && won.AddDays(d) <= AsOf ? won.AddDays(d) : null;
}

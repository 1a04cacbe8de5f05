using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Benchmarks;

/// <summary>Draws the knobs of one account of a profile (rules.md §3–§4 decide which path each knob sends it down).</summary>
internal static class AccountShapes
{
    private static readonly string[] Labels =
        [DefaultRules.NewCustomer, DefaultRules.Onboarding, DefaultRules.Adopting, DefaultRules.Healthy, DefaultRules.AtRisk];

    public static AccountShape Draw(AccountProfile profile, Random rng)
    {
        var shape = profile switch
        {
            AccountProfile.NewCustomer => NewCustomer(rng),
            AccountProfile.Onboarding => Onboarding(rng),
            AccountProfile.Adopting => Adopting(rng),
            AccountProfile.Healthy => Healthy(profile, rng, rng.Next(200, 900)),
            AccountProfile.Drifting => Drift(Healthy(profile, rng, rng.Next(200, 900)), rng, 1 + rng.Next(2)),
            AccountProfile.AtRisk => AtRisk(rng),
            _ => Churned(rng),
        };
        shape.CrmStage = rng.Next(10) < 3 ? Labels[rng.Next(Labels.Length)] : null;
        return shape;
    }

    private static AccountShape NewCustomer(Random rng) => new()
    {
        Profile = AccountProfile.NewCustomer,
        WonDaysAgo = rng.Next(0, 8),
        ContractEndIn = 365,
        Usage = UsageKind.Trial,
        GoalsSet = rng.Next(4) == 0,
        ReviewDaysAgo = rng.Next(0, 8),
        ActiveContacts = rng.Next(0, 3),
        ExecEngagedDaysAgo = rng.Next(2) == 0 ? rng.Next(0, 10) : null,
    };

    private static AccountShape Onboarding(Random rng) => new()
    {
        Profile = AccountProfile.Onboarding,
        WonDaysAgo = rng.Next(15, 46),
        ContractEndIn = rng.Next(300, 360),
        Usage = rng.Next(4) == 0 ? UsageKind.Idle : UsageKind.Light,
        KickoffAfterWon = rng.Next(1, 6),
        GoalsSet = rng.Next(2) == 0,
        ReviewDaysAgo = rng.Next(5, 40),
        ConfigVerifiedDaysAgo = rng.Next(3) == 0 ? rng.Next(1, 10) : null,
        Integration = rng.Next(3) == 0 ? IntegrationStatus.Live : IntegrationStatus.None,
        IntegrationChangedDaysAgo = rng.Next(1, 10),
        ActiveContacts = rng.Next(1, 4),
        ExecEngagedDaysAgo = rng.Next(0, 30),
    };

    private static AccountShape Adopting(Random rng)
    {
        var won = rng.Next(40, 151);
        return new AccountShape
        {
            Profile = AccountProfile.Adopting,
            WonDaysAgo = won,
            ContractEndIn = 365 - won,
            Usage = UsageKind.Adopting,
            KickoffAfterWon = rng.Next(2, 8),
            GoalsSet = rng.Next(10) < 7,
            ReviewDaysAgo = rng.Next(10, 60),
            WorkflowsLive = rng.Next(2) == 0,
            ConfigVerifiedDaysAgo = rng.Next(2) == 0 ? rng.Next(5, 30) : null,
            Integration = rng.Next(2) == 0 ? IntegrationStatus.Live : IntegrationStatus.None,
            IntegrationChangedDaysAgo = rng.Next(5, 30),
            InNewHireOnboarding = rng.Next(3) == 0 ? null : true,
            OutcomeDaysAgo = rng.Next(10) < 4 ? rng.Next(1, 30) : null,
            ActiveContacts = rng.Next(1, 6),
            ExecEngagedDaysAgo = rng.Next(0, 50),
        };
    }

    private static AccountShape Healthy(AccountProfile profile, Random rng, int won)
    {
        var verified = rng.Next(10, 100);
        return new AccountShape
        {
            Profile = profile,
            WonDaysAgo = won,
            ContractEndIn = rng.Next(5) == 0 ? null : rng.Next(100, 400),
            KickoffAfterWon = rng.Next(3, 11),
            OnboardingCompleteAfterWon = rng.Next(40, 81),
            GoalsSet = true,
            ReviewDaysAgo = rng.Next(5, 80),
            GoalChangedDaysAgo = rng.Next(2) == 0 ? verified + rng.Next(10, 200) : null,
            WorkflowsLive = true,
            ConfigVerifiedDaysAgo = verified,
            Integration = IntegrationStatus.Live,
            IntegrationChangedDaysAgo = rng.Next(100, 300),
            InNewHireOnboarding = true,
            OutcomeDaysAgo = rng.Next(5, 80),
            ActiveContacts = rng.Next(3, 9),
            ExecEngagedDaysAgo = rng.Next(1, 40),
        };
    }

    /// <summary>Breaks <paramref name="problems"/> things in a healthy account (state slips, resets and graces).</summary>
    private static AccountShape Drift(AccountShape s, Random rng, int problems)
    {
        for (var i = 0; i < problems; i++)
        {
            switch (rng.Next(10))
            {
                case 0: s.LeadershipChangeDaysAgo = Math.Max(0, s.ReviewDaysAgo!.Value - rng.Next(1, 10)); break;
                case 1: s.ReviewDaysAgo = rng.Next(95, 150); break;
                case 2: s.GoalChangedDaysAgo = Math.Max(0, s.ConfigVerifiedDaysAgo!.Value - rng.Next(1, 10)); break;
                case 3: s.WorkflowGapDaysAgo = Math.Max(0, s.ConfigVerifiedDaysAgo!.Value - rng.Next(1, 10)); break;
                case 4: (s.Integration, s.IntegrationChangedDaysAgo) = (IntegrationStatus.Broken, rng.Next(1, 30)); break;
                case 5: s.InNewHireOnboarding = rng.Next(2) == 0 ? false : null; break;
                case 6: s.OutcomeDaysAgo = rng.Next(100, 250); break;
                case 7: s.ExecDepartedDaysAgo = rng.Next(5, 40); break;
                case 8: s.ExecEngagedDaysAgo = rng.Next(70, 150); break;
                default: s.ActiveContacts = 1; break;
            }
        }

        return s;
    }

    private static AccountShape AtRisk(Random rng)
    {
        var s = Healthy(AccountProfile.AtRisk, rng, rng.Next(250, 900));
        switch (rng.Next(3))
        {
            case 0: s.Usage = UsageKind.Dropping; break;
            case 1: (s.Integration, s.IntegrationChangedDaysAgo) = (IntegrationStatus.Removed, rng.Next(1, 30)); break;
            default: s.ContractEndIn = rng.Next(10, 56); Drift(s, rng, 2); break;
        }

        return s;
    }

    private static AccountShape Churned(Random rng)
    {
        var s = Healthy(AccountProfile.Churned, rng, rng.Next(400, 900));
        s.ContractEndIn = -rng.Next(5, 81);
        s.RenewalLost = rng.Next(3) == 0;
        s.Usage = UsageKind.Declining;
        return s;
    }
}

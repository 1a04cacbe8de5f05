using System.Diagnostics;
using System.Text.RegularExpressions;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using static CrmStateSync.Rules.Configuration.DefaultRules;

namespace CrmStateSync.Rules.Tests.GoLiveEqualsReplay;

/// <summary>
/// rules.md §8 "Go-live equals replay", as a property: for generated accounts with dated facts, the first evaluation at
/// as-of agrees with the last day of a day-by-day replay from the first won close on everything dated facts alone
/// decide — churned or not and when, the life and its New Customer date (and Onboarding's, which kickoff and the first
/// active user date), Goal Clarity, Configured for Goals, Outcome Attribution and Daily-Work Integration with their
/// verified-on dates, Multi-Stakeholder Engagement's value (and its date when a departure resets it), and Outcome
/// Attribution's reason (its days as a customer and its cycle count). Value-Action Adoption and the usage gates
/// (Adopting, Healthy) are decided by when a usage criterion first held, so the replay dates them historically and
/// the first evaluation on its as-of date; stamps after an At-Risk episode in the current life are re-stamps.
/// </summary>
public class GoLiveEqualsReplayPropertyTests
{
    private const int Accounts = 2000;
    private const int Seed = 20260601;

    /// <summary>The default rules with appsettings.example.json's Enterprise override (a 120-day outcome cycle).</summary>
    private static readonly RulesEngine Engine = new(RulesCompiler.Compile(new RulesOptions
    {
        Segments = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Enterprise"] = new() { ["ValueActionThreshold"] = 25, ["OutcomeCycleDays"] = 120 },
            ["SMB"] = new() { ["ValueActionThreshold"] = 5 },
        },
    }));

    private static readonly Regex NonePlaceholder = new(@"\bnone\b", RegexOptions.CultureInvariant);

    [Test(Description = "rules.md §8 go-live equals replay: 2,000 generated accounts (fixed seed), the first evaluation agrees with the last day of a day-by-day replay on everything dated facts decide")]
    public void FirstEvaluation_AgreesWithTheLastDayOfADayByDayReplay()
    {
        var random = new Random(Seed);
        var problems = new List<string>();
        var (churned, reactivated, days) = (0, 0, 0L);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Accounts; i++)
        {
            var account = DatedFactsGenerator.Generate(random, i);
            var firstClose = account.Opportunities.Where(o => o.IsWon).Min(o => o.CloseDate!.Value);
            var goLive = Engine.Evaluate(account, DatedFactsGenerator.AsOf);
            var replay = DayByDay.Run(Engine, account, firstClose, DatedFactsGenerator.AsOf);
            problems.AddRange(Compare(goLive, replay).Select(p => $"{account.Id}: {p}"));
            churned += goLive.Stage.Stage == Churned ? 1 : 0;
            reactivated += goLive.Stage.EntryDates.TryGetValue(NewCustomer, out var nc) && nc != firstClose ? 1 : 0;
            days += DatedFactsGenerator.AsOf.DayNumber - firstClose.DayNumber + 1;
        }

        TestContext.Out.WriteLine($"{Accounts} accounts, {days} replayed days, {churned} churned at as-of, {reactivated} in a later life, {clock.Elapsed.TotalSeconds:0.0} s");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems.Take(20)));
            Assert.That(churned, Is.GreaterThan(Accounts / 10), "the generator reaches churned accounts");
            Assert.That(reactivated, Is.GreaterThan(Accounts / 20), "the generator reaches reactivated lives");
        }
    }

    private static IEnumerable<string> Compare(EvaluationResult goLive, ReplayRun run)
    {
        var replay = run.Final;
        if (goLive.Stage.Stage == Churned || replay.Stage.Stage == Churned)
        {
            if (Stamp(goLive, Churned) != Stamp(replay, Churned) || goLive.Stage.Stage != replay.Stage.Stage)
            {
                yield return $"churn: go-live {goLive.Stage.Stage} {Stamp(goLive, Churned)}, replay {replay.Stage.Stage} {Stamp(replay, Churned)}";
            }
        }
        else if (!run.AtRiskInLife)
        {
            foreach (var stage in new[] { NewCustomer, Onboarding })
            {
                if (Stamp(goLive, stage) != Stamp(replay, stage))
                {
                    yield return $"{stage}: go-live {Stamp(goLive, stage)}, replay {Stamp(replay, stage)}";
                }
            }
        }

        foreach (var state in new[] { CsState.GoalClarity, CsState.ConfiguredForGoals, CsState.OutcomeAttribution, CsState.DailyWorkIntegration })
        {
            var (g, r) = (goLive.States[(int)state], replay.States[(int)state]);
            if (g.Reading != r.Reading)
            {
                yield return $"{state}: go-live {g.Reading} ({g.Reason}), replay {r.Reading} ({r.Reason})";
            }
        }

        var (gm, rm) = (goLive.States[(int)CsState.MultiStakeholderEngagement], replay.States[(int)CsState.MultiStakeholderEngagement]);
        if (gm.Value != rm.Value || (gm.Value == StateValue.Reset && gm.VerifiedOn != rm.VerifiedOn))
        {
            yield return $"MultiStakeholderEngagement: go-live {gm.Reading} ({gm.Reason}), replay {rm.Reading} ({rm.Reason})";
        }

        var (goa, roa) = (goLive.States[(int)CsState.OutcomeAttribution].Reason.ToString(), replay.States[(int)CsState.OutcomeAttribution].Reason.ToString());
        if (goa != roa)
        {
            yield return $"Outcome Attribution reason: go-live '{goa}', replay '{roa}'";
        }

        foreach (var reason in Reasons(goLive).Where(r => NonePlaceholder.IsMatch(r)))
        {
            yield return $"a 'none' placeholder: {reason}";
        }
    }

    private static DateOnly? Stamp(EvaluationResult r, string stage) => r.Stage.EntryDates.TryGetValue(stage, out var d) ? d : null;

    private static IEnumerable<string> Reasons(EvaluationResult r) =>
        [r.Stage.Reason, .. r.States.Select(s => s.Reason.ToString()), r.Milestones.Reason.ToString(), .. r.Stage.Transitions.Select(t => t.Reason)];
}

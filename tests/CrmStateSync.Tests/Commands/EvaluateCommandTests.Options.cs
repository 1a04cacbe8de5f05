using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Commands;

/// <summary><c>--as-of</c>, the injected clock and <c>--config</c>.</summary>
public partial class EvaluateCommandTests
{
    [Test]
    public void Evaluate_AsOfOption_OverridesTheFilesDate()
    {
        var run = CommandRun.Of("evaluate", "--input", RepoPaths.Snapshots, "--as-of", "2026-12-01");
        var northwind = run.Result("northwind-renewal");

        // Eight days later the renewal (2027-01-23) is 53 days out, within 60, and two states are still not Hit.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(run.Json().Text("asOf"), Is.EqualTo("2026-12-01"));
            Assert.That(northwind.Text("stage", "value"), Is.EqualTo("At-Risk"));
            Assert.That(northwind.Text("stage", "reason"), Is.EqualTo("At-Risk since 2026-12-01: renewal at risk: renewal 2027-01-23 in 53 days with 2 states not Hit"));
            Assert.That(northwind.Text("divergence", "text"), Is.EqualTo("Hidden risk: Multi-Stakeholder Engagement Reset; Outcome Attribution Slipping"));
        }
    }

    [Test]
    public void Evaluate_NoAsOfAnywhere_UsesTodayFromTheInjectedClock()
    {
        var input = _temp.Write("snapshots.json", $"[{GoodA}]");
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 14, 23, 30, 0, TimeSpan.Zero));

        var run = CommandRun.Of(clock, "evaluate", "--input", input);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(run.Json().Text("asOf"), Is.EqualTo("2026-03-14"));
            Assert.That(run.Result("acc-a").Text("stage", "enteredOn"), Is.EqualTo("2026-01-05"));
        }
    }

    [TestCase("2026-02-30")]
    [TestCase("23/11/2026")]
    public void Evaluate_BadAsOf_ExitsConfigurationErrorNamingTheOption(string asOf)
    {
        var run = CommandRun.Of("evaluate", "--input", RepoPaths.Snapshots, "--as-of", asOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain($"--as-of: '{asOf}' is not a date (YYYY-MM-DD)"));
            Assert.That(run.Output, Is.Empty);
        }
    }

    [Test]
    public void Evaluate_ConfigWithBadExpression_ExitsConfigurationErrorNamingStageAndPosition()
    {
        var config = _temp.Write("rules.json", """
            { "Rules": { "StageModel": { "Stages": [
              { "Name": "New Customer", "Criterion": "HasClosedWon && ActiveSubscription" },
              { "Name": "Adopting", "Criterion": "ValueActions14d >= && ActiveUsers30d >= 2" }
            ] },
            "Divergence": { "HiddenRiskStages": [ "Adopting" ], "AheadOfStageStages": [ "New Customer" ] } } }
            """);

        var run = CommandRun.Of("evaluate", "--input", RepoPaths.Snapshots, "--config", config);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain("Rules:StageModel:Stages:1:Criterion (Adopting): 'ValueActions14d >= && ActiveUsers30d >= 2' does not compile"));
            Assert.That(run.Error, Does.Contain("(at position 19)"));
            Assert.That(run.Output, Is.Empty);
        }
    }

    [Test]
    public void Evaluate_ConfigWithSeveralProblems_ListsEveryOne()
    {
        var config = _temp.Write("rules.json", """
            { "Rules": {
              "StageModel": { "Stages": [
                { "Name": "New Customer", "Criterion": "HasClosedWon && ActiveSubscription" },
                { "Name": "Adopting", "Criterion": "ValueActions14d >= 10 &&" },
                { "Name": "Healthy", "Criterion": "NoSuchSignal > 3" }
              ] },
              "Thresholds": { "ValueActionThreshold": "ten", "OutcomeCycleDays": -5 },
              "Segments": { "SMB": { "NoSuchThreshold": 4 } },
              "Divergence": { "HiddenRiskStages": [ "Renew" ] },
              "Colour": "blue"
            } }
            """);

        var run = CommandRun.Of("evaluate", "--input", RepoPaths.Snapshots, "--config", config);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain("Rules:Thresholds:ValueActionThreshold: 'ten' is not a whole number"));
            Assert.That(run.Error, Does.Contain("Rules:Colour: unknown key"), "an unknown key is refused");
            Assert.That(run.Error, Does.Contain("Rules:StageModel:Stages:1:Criterion (Adopting)"));
            Assert.That(run.Error, Does.Contain("Rules:StageModel:Stages:2:Criterion (Healthy): 'NoSuchSignal > 3' does not compile"));
            Assert.That(run.Error, Does.Contain("Rules:Thresholds:OutcomeCycleDays: must not be negative (was -5)"));
            Assert.That(run.Error, Does.Contain("Rules:Segments:SMB:NoSuchThreshold: unknown threshold"));
            Assert.That(run.Error, Does.Contain("Rules:Divergence:HiddenRiskStages:0: unknown stage 'Renew'"));
            Assert.That(run.Output, Is.Empty);
        }
    }
}

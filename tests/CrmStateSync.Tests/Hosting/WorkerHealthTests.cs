using CrmStateSync.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CrmStateSync.Tests.Hosting;

/// <summary>The health endpoint's answers: live while cycles keep beating, ready once one completed without a credential refusal.</summary>
public class WorkerHealthTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private WorkerHealth NewHealth() => new(CycleSchedule.From(new WorkerOptions { Interval = TimeSpan.FromMinutes(10) }), _clock);

    [Test]
    public void Live_NoBeatForThreeGaps_IsLiveAtTheLimitAndStaleAfter()
    {
        var health = NewHealth();
        health.CycleStarted();

        _clock.Advance(TimeSpan.FromMinutes(30));
        var atLimit = health.Live();
        _clock.Advance(TimeSpan.FromSeconds(1));
        var after = health.Live();

        Assert.Multiple(() =>
        {
            Assert.That(atLimit.Healthy, Is.True);
            Assert.That(after.Healthy, Is.False);
            Assert.That(after.Detail, Does.Contain("stale after 1800s"));
        });
    }

    [Test]
    public void Ready_BeforeAnyCycle_IsNotReady_AfterOneIs()
    {
        var health = NewHealth();
        var before = health.Ready();

        health.CycleStarted();
        health.CycleEnded("ok: read 10", refused: false);

        Assert.Multiple(() =>
        {
            Assert.That(before.Healthy, Is.False);
            Assert.That(before.Detail, Does.StartWith("no cycle completed yet"));
            Assert.That(health.Ready().Healthy, Is.True);
        });
    }

    [Test]
    public void Ready_CredentialsRefusedAfterAGoodCycle_IsNotReadyUntilAGoodCycleAgain()
    {
        var health = NewHealth();
        health.CycleEnded("ok", refused: false);

        health.CycleEnded("failed: CrmAuthenticationException", refused: true);
        var refused = health.Ready();
        health.CycleEnded("ok", refused: false);

        Assert.Multiple(() =>
        {
            Assert.That(refused.Healthy, Is.False);
            Assert.That(refused.Detail, Does.StartWith("the CRM refused the credentials"));
            Assert.That(health.Ready().Healthy, Is.True);
        });
    }
}

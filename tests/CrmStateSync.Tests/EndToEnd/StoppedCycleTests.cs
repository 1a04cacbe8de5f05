namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// sync.md "A graceful stop is graceful", in the engine: a stop is looked at between chunks; a cycle it ends is
/// recorded as stopped, leaves its cursors, and the next cycle does the rest.
/// </summary>
public class StoppedCycleTests
{
    [Test]
    public async Task RunCycle_StopAskedBeforeTheFirstChunk_RecordsStoppedWritesNothingAndTheNextCycleDoesTheRest()
    {
        await using var s = await SyncScenario.StartAsync([E2e.NewCustomer(), E2e.Healthy()]);
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        var stopped = await s.Engine.RunCycleAsync(stop.Token, CancellationToken.None);
        var next = await s.CycleAsync();
        var runs = await s.Store.RecentRunsAsync(10, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(stopped.Summary.Outcome, Is.EqualTo("stopped"));
            Assert.That(stopped.Summary.ToString(), Does.StartWith("stopped: read"));
            Assert.That((stopped.Summary.Evaluated, stopped.Summary.Written), Is.EqualTo((0, 0)), "nothing evaluated or written after the stop");
            Assert.That(next.Summary.Outcome, Is.EqualTo("ok"));
            Assert.That(next.Summary.Evaluated, Is.EqualTo(2), "the next cycle evaluates what the stopped one left");
            Assert.That(next.Summary.Written, Is.GreaterThan(0));
            Assert.That(runs.Select(r => r.Outcome), Is.EqualTo(new[] { "ok", "stopped" }), "newest first: the stopped run is recorded as such");
        });
    }
}

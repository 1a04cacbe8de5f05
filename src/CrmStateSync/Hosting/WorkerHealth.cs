using CrmStateSync.AdminConsole.Hosting;

namespace CrmStateSync.Hosting;

/// <summary>
/// What the health endpoint and the heartbeat report about <c>run</c>: live while cycles keep starting and ending on
/// schedule (no beat for three gaps of the schedule means the loop is stuck); ready once a cycle has completed and
/// the last one did not fail on credentials or configuration. Thread-safe: the worker writes, the endpoint reads.
/// </summary>
internal sealed class WorkerHealth(CycleSchedule schedule, TimeProvider clock) : IWorkerStatus
{
    private readonly Lock _gate = new();
    private DateTimeOffset _lastBeat = clock.GetUtcNow();
    private bool _completedOnce;
    private string _last = "starting";
    private bool _refused;
    private DateTimeOffset? _next;

    /// <summary>When the next cycle is due (null while one runs): what the console's overview shows.</summary>
    public DateTimeOffset? NextCycle
    {
        get
        {
            lock (_gate)
            {
                return _next;
            }
        }
    }

    public string Readiness => Ready().Detail;

    /// <summary>The worker waits for its next cycle, due at <paramref name="next"/>.</summary>
    public void Waiting(DateTimeOffset next)
    {
        lock (_gate)
        {
            _next = next;
        }
    }

    /// <summary>A cycle started.</summary>
    public void CycleStarted()
    {
        lock (_gate)
        {
            _next = null;
            _lastBeat = clock.GetUtcNow();
        }
    }

    /// <summary>A cycle ended; <paramref name="refused"/> when the CRM refused the credentials (no cycle can work).</summary>
    public void CycleEnded(string summary, bool refused)
    {
        lock (_gate)
        {
            _lastBeat = clock.GetUtcNow();
            _completedOnce |= !refused;
            _refused = refused;
            _last = summary;
        }
    }

    public HealthReport Live()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var staleAfter = 3 * schedule.Gap(now);
            var quiet = now - _lastBeat;
            return new HealthReport(quiet <= staleAfter, $"last beat {quiet.TotalSeconds:0}s ago (stale after {staleAfter.TotalSeconds:0}s); {_last}");
        }
    }

    public HealthReport Ready()
    {
        lock (_gate)
        {
            var ready = _completedOnce && !_refused;
            var why = _refused ? "the CRM refused the credentials" : _completedOnce ? "a cycle completed" : "no cycle completed yet";
            return new HealthReport(ready, $"{why}; {_last}");
        }
    }
}

/// <summary>One health answer: healthy or not, and why (never a secret: cycle summaries only).</summary>
internal sealed record HealthReport(bool Healthy, string Detail);

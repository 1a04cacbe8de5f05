namespace CrmStateSync.Demo;

/// <summary>A clock stopped at the sandbox's "today", so the demo computes the same answers on any day it runs.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

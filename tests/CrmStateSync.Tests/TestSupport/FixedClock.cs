namespace CrmStateSync.Tests.TestSupport;

/// <summary>A clock that always says the same instant, so "today" is a test input.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

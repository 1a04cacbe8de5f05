using System.Diagnostics;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>A clock that starts at a chosen instant and runs at real speed: the sandbox's change stamps fall on the
/// scenario's day and still advance, as a CRM's do.</summary>
internal sealed class TickingClock(DateTimeOffset start) : TimeProvider
{
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    public override DateTimeOffset GetUtcNow() => start + _elapsed.Elapsed;
}

using System.Threading.RateLimiting;

namespace CrmStateSync.AdminConsole.Security;

/// <summary>
/// Failed sign-ins per client address: each failure takes a permit of a fixed one-minute window; with none left the
/// sign-in page answers 429 until the window turns (System.Threading.RateLimiting, so no window arithmetic of our own).
/// Successful sign-ins take nothing.
/// </summary>
public sealed class SignInThrottle(ConsoleOptions options) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.SignInAttemptsPerMinute,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Whether the address has failures left this window.</summary>
    public bool Allows(string address) => (_failures.GetStatistics(address)?.CurrentAvailablePermits ?? 1) > 0;

    /// <summary>Counts a failed sign-in from the address.</summary>
    public void Failed(string address)
    {
        using var lease = _failures.AttemptAcquire(address);
    }

    public void Dispose() => _failures.Dispose();
}

using System.Threading.RateLimiting;
using CrmStateSync.Crm.Contract;
using Microsoft.Extensions.Options;

namespace CrmStateSync.Crm.HubSpot.Http;

/// <summary>
/// The client-side budget: a sliding window sized to <see cref="HubSpotOptions.RequestsPer10Seconds"/>, one for searches
/// sized to <see cref="HubSpotOptions.SearchRequestsPerSecond"/> (HubSpot's separate search limit), and a daily count
/// against <see cref="HubSpotOptions.DailyLimit"/> (UTC days), plus what HubSpot's headers last reported.
/// </summary>
internal sealed class HubSpotRateLimiter : IDisposable
{
    /// <summary>Segments of the sliding window: more segments release permits closer to the true window.</summary>
    public const int SegmentsPerWindow = 50;

    /// <summary>Slack for the time between our send and HubSpot's count, and clock differences.</summary>
    public static readonly TimeSpan SafetyMargin = TimeSpan.FromMilliseconds(200);
    private readonly SlidingWindowRateLimiter _window;
    private readonly SlidingWindowRateLimiter _search;
    private readonly TimeProvider _clock;
    private readonly long _dailyLimit;
    private readonly Lock _gate = new();
    private DateOnly _day;
    private long _today;

    public HubSpotRateLimiter(IOptions<HubSpotOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        _clock = clock;
        _dailyLimit = o.DailyLimit;
        _window = Window(o.RequestsPer10Seconds, o.RateLimitWindow, o.RateLimitAutoReplenish);
        _search = Window(o.SearchRequestsPerSecond, o.SearchRateLimitWindow, o.RateLimitAutoReplenish);
    }

    private static SlidingWindowRateLimiter Window(int permits, TimeSpan hubSpotWindow, bool autoReplenish) => new(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = permits,
        Window = EffectiveWindow(hubSpotWindow),
        SegmentsPerWindow = SegmentsPerWindow,
        QueueLimit = 100_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = autoReplenish,
    });

    /// <summary>
    /// A sliding window releases a segment's permits one window after the segment began, so a request made at the end
    /// of a segment is released a segment early. HubSpot counts a rolling window from each request: stretching our
    /// window by n/(n−1) plus a margin means no permit comes back before HubSpot's window has passed (measured: 75 % of
    /// the budget with 429s at 10 segments and no stretch; this keeps the rate near 96 % without 429s).
    /// </summary>
    internal static TimeSpan EffectiveWindow(TimeSpan hubSpotWindow) =>
        (hubSpotWindow * SegmentsPerWindow / (SegmentsPerWindow - 1)) + SafetyMargin;

    /// <summary>Requests left in HubSpot's daily window as it last said (<c>X-HubSpot-RateLimit-Daily-Remaining</c>).</summary>
    public long? DailyRemaining { get; private set; }

    /// <summary>HubSpot's daily limit as it last said (<c>X-HubSpot-RateLimit-Daily</c>).</summary>
    public long? DailyMax { get; private set; }

    /// <summary>The configured daily budget (<see cref="HubSpotOptions.DailyLimit"/>), the fallback when HubSpot has said nothing.</summary>
    public long DailyLimit => _dailyLimit;

    /// <summary>Calls this process made today (UTC), by its own count; 0 once the day has turned and no call was made yet.</summary>
    public long CallsToday
    {
        get
        {
            lock (_gate)
            {
                return _day == DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime) ? _today : 0;
            }
        }
    }

    /// <summary>Requests left in the rolling window as HubSpot last said (<c>X-HubSpot-RateLimit-Remaining</c>).</summary>
    public long? WindowRemaining { get; private set; }

    /// <summary>Waits for a permit of the rolling window, after checking the daily budget.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        CountToday();
        using var lease = await _window.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new CrmUnavailableException("HubSpot client-side rate limiter queue is full; too many concurrent calls");
        }
    }

    /// <summary>
    /// Waits for a permit of the search window (<see cref="HubSpotOptions.SearchRequestsPerSecond"/>); the caller then
    /// takes the rolling window's permit too. Searches first, so a search waiting on its own limit holds no general permit.
    /// </summary>
    public async ValueTask AcquireSearchAsync(CancellationToken cancellationToken)
    {
        using var lease = await _search.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new CrmUnavailableException("HubSpot client-side search limiter queue is full; too many concurrent searches");
        }
    }

    /// <summary>Searches waiting for a permit of the search window.</summary>
    public long SearchesWaiting => _search.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>Advances the window one segment (only when auto-replenishment is off: the test seam).</summary>
    public bool Replenish() => _window.TryReplenish();

    /// <summary>Advances the search window one segment (only when auto-replenishment is off: the test seam).</summary>
    public bool ReplenishSearch() => _search.TryReplenish();

    public void Observe(long? windowRemaining, long? dailyRemaining, long? dailyMax)
    {
        WindowRemaining = windowRemaining ?? WindowRemaining;
        DailyRemaining = dailyRemaining ?? DailyRemaining;
        DailyMax = dailyMax ?? DailyMax;
    }

    public void Dispose()
    {
        _window.Dispose();
        _search.Dispose();
    }

    private void CountToday()
    {
        lock (_gate)
        {
            var day = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
            if (day != _day)
            {
                (_day, _today, DailyRemaining) = (day, 0, DailyRemaining is 0 ? null : DailyRemaining);
            }

            if (_today >= _dailyLimit || DailyRemaining is 0)
            {
                throw new CrmBudgetExhaustedException(
                    $"HubSpot daily API budget reached ({HubSpotOptions.Section}:DailyLimit {_dailyLimit}, {_today} calls today, HubSpot says {DailyRemaining?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"} remaining)",
                    "DAILY",
                    null);
            }

            _today++;
        }
    }
}

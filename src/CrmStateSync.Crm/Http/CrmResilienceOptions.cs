using System.Globalization;

namespace CrmStateSync.Crm.Http;

/// <summary>
/// The resilience pipeline of one CRM client (<c>Crm:{Provider}:Resilience</c>). <see cref="Validate"/> checks every key,
/// within the bounds Polly's own options validation enforces too, so a bad value stops start-up with its key instead of
/// failing when the first HTTP client is built.
/// </summary>
public sealed class CrmResilienceOptions
{
    /// <summary>Polly's bounds: a timeout of 10 ms to 1 day, a breaker window or break of 0.5 s to 1 day.</summary>
    private static readonly TimeSpan Day = TimeSpan.FromDays(1), MinTimeout = TimeSpan.FromMilliseconds(10), MinBreaker = TimeSpan.FromMilliseconds(500);

    /// <summary>One attempt may take this long. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A call with all its retries may take this long. Default 3 min.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Retries after the first attempt (429, 5xx, 408, timeouts, network errors), 0 to 10. Default 4.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff delay; doubles with jitter. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait a Retry-After or rate-limit window may impose before the call gives up. Default 60 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The circuit opens when this share of calls failed in the sampling window, 0.01 to 1. Default 0.5.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls in the sampling window before the breaker may open, 2 to 10,000. Default 10.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The breaker's sampling window (at least twice AttemptTimeout). Default 60 s.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the circuit stays open (calls fail fast), 0.5 s to 1 day. Default 60 s.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Every problem with these settings, each with its key under <paramref name="prefix"/>, its value and what is allowed.</summary>
    public IEnumerable<string> Validate(string prefix) =>
        TimeoutProblems(prefix).Concat(RetryProblems(prefix)).Concat(BreakerProblems(prefix));

    private IEnumerable<string> TimeoutProblems(string prefix) => new[]
    {
        Outside(prefix, nameof(AttemptTimeout), AttemptTimeout, MinTimeout, Day),
        TotalTimeout <= AttemptTimeout
            ? $"{prefix}:TotalTimeout: must be longer than AttemptTimeout ({AttemptTimeout}), was {TotalTimeout}"
            : Outside(prefix, nameof(TotalTimeout), TotalTimeout, MinTimeout, Day),
    }.OfType<string>();

    private IEnumerable<string> RetryProblems(string prefix) => new[]
    {
        MaxRetries is < 0 or > 10 ? $"{prefix}:MaxRetries: must be between 0 and 10 (was {MaxRetries})" : null,
        Outside(prefix, nameof(RetryBaseDelay), RetryBaseDelay, TimeSpan.Zero, Day),
        MaxRetryAfter < TimeSpan.Zero ? $"{prefix}:MaxRetryAfter: must not be negative (was {MaxRetryAfter})" : null,
    }.OfType<string>();

    private IEnumerable<string> BreakerProblems(string prefix) => new[]
    {
        BreakerFailureRatio is >= 0.01 and <= 1.0 ? null
            : $"{prefix}:BreakerFailureRatio: must be between 0.01 and 1 (was {BreakerFailureRatio.ToString(CultureInfo.InvariantCulture)})",
        BreakerMinimumThroughput is < 2 or > 10_000 ? $"{prefix}:BreakerMinimumThroughput: must be between 2 and 10000 (was {BreakerMinimumThroughput})" : null,
        BreakerSamplingDuration < 2 * AttemptTimeout
            ? $"{prefix}:BreakerSamplingDuration: must be at least twice AttemptTimeout ({2 * AttemptTimeout}), was {BreakerSamplingDuration}"
            : Outside(prefix, nameof(BreakerSamplingDuration), BreakerSamplingDuration, MinBreaker, Day),
        Outside(prefix, nameof(BreakerBreakDuration), BreakerBreakDuration, MinBreaker, Day),
    }.OfType<string>();

    /// <summary>The problem of a duration outside <paramref name="min"/>..<paramref name="max"/>, or null.</summary>
    private static string? Outside(string prefix, string key, TimeSpan value, TimeSpan min, TimeSpan max) =>
        value < min || value > max ? $"{prefix}:{key}: must be between {min} and {max} (was {value})" : null;
}

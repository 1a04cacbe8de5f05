using System.ComponentModel.DataAnnotations;

namespace CrmStateSync.Crm.Http;

/// <summary>The resilience pipeline of one CRM client (<c>Crm:{Provider}:Resilience</c>).</summary>
public sealed class CrmResilienceOptions
{
    /// <summary>One attempt may take this long. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A call with all its retries may take this long. Default 3 min.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Retries after the first attempt (429, 5xx, 408, timeouts, network errors). Default 4.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff delay; doubles with jitter. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait a Retry-After or rate-limit window may impose before the call gives up. Default 60 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The circuit opens when this share of calls failed in the sampling window. Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls in the sampling window before the breaker may open. Default 10.</summary>
    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The breaker's sampling window (at least twice AttemptTimeout). Default 60 s.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the circuit stays open (calls fail fast). Default 60 s.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Every problem with these settings, each with its key under <paramref name="prefix"/>.</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (AttemptTimeout <= TimeSpan.Zero)
        {
            yield return $"{prefix}:AttemptTimeout: must be positive (was {AttemptTimeout})";
        }

        if (TotalTimeout <= AttemptTimeout)
        {
            yield return $"{prefix}:TotalTimeout: must be longer than AttemptTimeout ({AttemptTimeout}), was {TotalTimeout}";
        }

        if (BreakerSamplingDuration < 2 * AttemptTimeout)
        {
            yield return $"{prefix}:BreakerSamplingDuration: must be at least twice AttemptTimeout ({2 * AttemptTimeout}), was {BreakerSamplingDuration}";
        }

        if (RetryBaseDelay < TimeSpan.Zero || BreakerBreakDuration < TimeSpan.FromMilliseconds(500) || MaxRetryAfter < TimeSpan.Zero)
        {
            yield return $"{prefix}: RetryBaseDelay and MaxRetryAfter must not be negative, BreakerBreakDuration at least 0.5 s";
        }
    }
}

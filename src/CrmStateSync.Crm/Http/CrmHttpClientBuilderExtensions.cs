using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Telemetry;

namespace CrmStateSync.Crm.Http;

/// <summary>The shared HTTP pipeline of a CRM client: call logging with redaction, then the resilience pipeline.</summary>
public static class CrmHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds one resilience pipeline (Polly v8): total timeout → retry with jittered exponential backoff honouring
    /// Retry-After and the CRM's own <paramref name="delayRule"/> → circuit breaker → per-attempt timeout; and, inside it, per-attempt logging.
    /// Handlers the caller adds afterwards (auth, rate limiting) run inside both, once per attempt.
    /// 401 and 403 are never retried here (auth refresh and budget exhaustion are decided by the connector). A request
    /// marked <see cref="NonIdempotent"/> (a create) is retried only when the CRM refused it before processing.
    /// </summary>
    /// <param name="builder">The client to add the pipeline to.</param>
    /// <param name="name">The resilience pipeline's name.</param>
    /// <param name="options">The pipeline's settings, read when the client is first built.</param>
    /// <param name="clock">The pipeline's clock (a Retry-After date); null: the system clock.</param>
    /// <param name="delayRule">How long the CRM asks to wait when a response has no Retry-After (HubSpot's rate-limit
    /// window, its 423); null: none, the backoff decides.</param>
    public static IHttpClientBuilder AddCrmPipeline(this IHttpClientBuilder builder, string name, Func<IServiceProvider, CrmResilienceOptions> options, TimeProvider? clock = null, IRetryDelayRule? delayRule = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CallCounter>();
        // Polly's own events (each attempt, each retry, the breaker) carry the exception's stack trace: Debug, so they show
        // only at Debug/Verbose. At the default level CallLoggingHandler's one line per failed attempt tells the story,
        // and the command's last line says what ended the cycle.
        builder.Services.Configure<TelemetryOptions>(o => o.SeverityProvider = _ => ResilienceEventSeverity.Debug);
        builder.AddResilienceHandler(name, (pipeline, context) =>
        {
            var o = options(context.ServiceProvider);
            var now = clock ?? TimeProvider.System;
            pipeline.AddTimeout(o.TotalTimeout);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, o.MaxRetries),
                ShouldHandle = args => ValueTask.FromResult(o.MaxRetries > 0 && ShouldRetry(args.Outcome, args.Context.GetRequestMessage())
                    && !AsksTooLong(args.Outcome, o.MaxRetryAfter, now, delayRule)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r
                    ? RetryDelays.Capped(RetryDelays.FromResponse(r.StatusCode, r.Headers, now.GetUtcNow(), delayRule), o.MaxRetryAfter)
                    : null),
            });
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = o.BreakerFailureRatio,
                MinimumThroughput = o.BreakerMinimumThroughput,
                SamplingDuration = o.BreakerSamplingDuration,
                BreakDuration = o.BreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsOutage(args.Outcome)),
            });
            pipeline.AddTimeout(o.AttemptTimeout);
        });

        // Inside the resilience handler: every attempt is logged and counted (the CRM counts each request).
        builder.AddHttpMessageHandler(sp => ActivatorUtilities.CreateInstance<CallLoggingHandler>(sp));
        return builder;
    }

    /// <summary>
    /// Whether to send the request again: a transient failure, and for a non-idempotent create only one the CRM refused
    /// before processing — a create whose answer was lost may have landed, and resending it would create it twice.
    /// </summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request) =>
        IsTransient(outcome) && (!NonIdempotent.Is(request) || NonIdempotent.RefusedBeforeProcessing(outcome));

    /// <summary>Worth retrying: throttling, server errors, request timeouts, network failures.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException
        || outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or HttpStatusCode.Locked
        || (int?)outcome.Result?.StatusCode >= 500;

    /// <summary>The response asks for a longer wait than the cap: give up rather than retry sooner than asked.</summary>
    private static bool AsksTooLong(Outcome<HttpResponseMessage> outcome, TimeSpan cap, TimeProvider now, IRetryDelayRule? delayRule) =>
        outcome.Result is { } r && RetryDelays.FromResponse(r.StatusCode, r.Headers, now.GetUtcNow(), delayRule) is { } wait && wait > cap;

    /// <summary>Counts toward opening the circuit: the CRM is down, not merely throttling.</summary>
    private static bool IsOutage(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException || (int?)outcome.Result?.StatusCode >= 500;
}

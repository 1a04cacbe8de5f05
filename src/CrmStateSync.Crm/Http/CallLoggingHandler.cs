using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Crm.Http;

/// <summary>
/// One log event per CRM call: method, path (query redacted of secrets), status, duration and a correlation id sent
/// as <c>X-Correlation-Id</c>. Headers are never logged, so <c>Authorization</c> never reaches a log line.
/// </summary>
public sealed partial class CallLoggingHandler(ILogger<CallLoggingHandler> logger, CallCounter counter) : DelegatingHandler
{
    public const string CorrelationHeader = "X-Correlation-Id";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var correlationId = Guid.NewGuid().ToString("N")[..16];
        request.Headers.TryAddWithoutValidation(CorrelationHeader, correlationId);
        var path = Redactor.Redact(request.RequestUri?.PathAndQuery);
        var started = Stopwatch.GetTimestamp();
        counter.Increment(CallKind.Of(request));
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogCall(logger, request.Method.Method, path, (int)response.StatusCode, elapsedMs, correlationId);
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var error = Redactor.Redact(ex.Message);
            LogFailure(logger, request.Method.Method, path, elapsedMs, correlationId, error);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "CRM {Method} {Path} -> {Status} in {DurationMs:0} ms ({CorrelationId})")]
    private static partial void LogCall(ILogger logger, string method, string path, int status, double durationMs, string correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CRM {Method} {Path} failed after {DurationMs:0} ms ({CorrelationId}): {Error}")]
    private static partial void LogFailure(ILogger logger, string method, string path, double durationMs, string correlationId, string error);
}

/// <summary>
/// Counts the HTTP calls a connector made (for API usage figures and call-count assertions): in all, and by
/// <see cref="CallKind"/> (query pages, bulk job polls, writes …).
/// </summary>
public sealed class CallCounter
{
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Calls so far by kind (a snapshot); calls nobody classified count as <see cref="CallKind.Other"/>.</summary>
    public IReadOnlyDictionary<string, long> ByKind => new SortedDictionary<string, long>(_byKind, StringComparer.Ordinal);

    public void Increment() => Increment(CallKind.Other);

    public void Increment(string kind)
    {
        Interlocked.Increment(ref _calls);
        _byKind.AddOrUpdate(kind, 1, static (_, n) => n + 1);
    }
}

using System.Collections.Concurrent;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>Every HTTP request the real connector sends to the sandbox, as "METHOD path", in order.</summary>
internal sealed class RequestLog
{
    private readonly ConcurrentQueue<string> _requests = new();

    public IReadOnlyList<string> All => [.. _requests];

    /// <summary>Record updates (Salesforce composite PATCH, HubSpot batch update).</summary>
    public int Writes => All.Count(r => r.StartsWith("PATCH ", StringComparison.Ordinal) || r.Contains("/batch/update", StringComparison.Ordinal));

    /// <summary>Task create calls (Salesforce <c>POST …/composite/sobjects</c> or <c>…/sobjects/Task</c>, HubSpot <c>POST …/tasks</c> or <c>…/tasks/batch/create</c>).</summary>
    public int TaskCreations => All.Count(r => r.StartsWith("POST ", StringComparison.Ordinal)
        && (r.EndsWith("/composite/sobjects", StringComparison.Ordinal) || r.EndsWith("/sobjects/Task", StringComparison.Ordinal)
            || r.EndsWith("/tasks", StringComparison.Ordinal) || r.EndsWith("/tasks/batch/create", StringComparison.Ordinal)));

    /// <summary>Task lookups by marker (Salesforce SOQL <c>query</c>; the pull uses <c>queryAll</c>; HubSpot association reads of tasks).</summary>
    public int TaskLookups => All.Count(r => r.EndsWith("/query", StringComparison.Ordinal) || r.EndsWith("/companies/tasks/batch/read", StringComparison.Ordinal));

    public void Clear() => _requests.Clear();

    public DelegatingHandler Handler() => new Counting(this);

    private sealed class Counting(RequestLog log) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            log._requests.Enqueue($"{request.Method} {request.RequestUri?.AbsolutePath}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}

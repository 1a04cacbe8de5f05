using System.Text.RegularExpressions;
using CrmStateSync.Crm.Http;

namespace CrmStateSync.Crm.Salesforce.Api;

/// <summary>
/// Names each Salesforce call's kind from its method and path, for <see cref="CallCounter.ByKind"/>: <c>token</c>,
/// <c>count</c> (<c>SELECT COUNT()</c>), <c>query</c> (query, queryAll and their next pages), <c>bulk-create</c>,
/// <c>bulk-poll</c>, <c>bulk-results</c>, <c>bulk-abort</c>, <c>write</c>, <c>task-create</c>, <c>describe</c>.
/// </summary>
internal static partial class SalesforceCallKinds
{
    public const string Token = "token";
    public const string Count = "count";
    public const string Query = "query";
    public const string BulkCreate = "bulk-create";
    public const string BulkPoll = "bulk-poll";
    public const string BulkResults = "bulk-results";
    public const string BulkAbort = "bulk-abort";
    public const string Write = "write";
    public const string TaskCreate = "task-create";
    public const string Describe = "describe";

    public static string Of(HttpMethod method, Uri? uri)
    {
        var path = uri is null ? "" : uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
        var query = uri is { IsAbsoluteUri: true } ? Uri.UnescapeDataString(uri.Query.Replace('+', ' ')) : "";
        var rest = DataPath().Match(path) is { Success: true } m ? m.Groups["rest"].Value : null;
        return (method.Method, rest) switch
        {
            (_, null) when path.EndsWith("/oauth2/token", StringComparison.Ordinal) => Token,
            ("GET", "query") when CountQuery().IsMatch(query) => Count,
            ("GET", _) when QueryPath().IsMatch(rest ?? "") => Query,
            ("POST", "jobs/query") => BulkCreate,
            ("GET", _) when rest!.StartsWith("jobs/query/", StringComparison.Ordinal) => rest.EndsWith("/results", StringComparison.Ordinal) ? BulkResults : BulkPoll,
            ("PATCH", _) when rest!.StartsWith("jobs/query/", StringComparison.Ordinal) => BulkAbort,
            ("PATCH", "composite/sobjects") => Write,
            ("POST", _) when rest!.StartsWith("composite/sobjects", StringComparison.Ordinal) || rest.StartsWith("sobjects/", StringComparison.Ordinal) => TaskCreate,
            ("GET", _) when rest!.EndsWith("/describe", StringComparison.Ordinal) => Describe,
            _ => CallKind.Other,
        };
    }

    [GeneratedRegex(@"^/services/data/v[0-9.]+/(?<rest>.*)$")]
    private static partial Regex DataPath();

    [GeneratedRegex(@"^query(All)?(/[^/]+)?$")]
    private static partial Regex QueryPath();

    [GeneratedRegex(@"[?&]q=\s*SELECT\s+COUNT\(\)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountQuery();
}

/// <summary>Sets each request's <see cref="CallKind"/> (see <see cref="SalesforceCallKinds"/>) before the pipeline counts it.</summary>
internal sealed class SalesforceCallKindHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        CallKind.Set(request, SalesforceCallKinds.Of(request.Method, request.RequestUri));
        return base.SendAsync(request, cancellationToken);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>
/// The Salesforce REST subset of crm-apis.md: token, query/queryAll with locators (and <c>SELECT COUNT()</c>), Bulk API 2.0
/// query jobs, composite update, describe, Task creation (one, or a collection of up to 200), limits. Every <c>/services/data</c> call needs a bearer token, counts against the daily limit and carries
/// <c>Sforce-Limit-Info</c>.
/// </summary>
internal static partial class SalesforceEndpoints
{
    public const string Data = "/services/data/{version}";

    public static void Map(WebApplication app, SalesforceOrg org)
    {
        var schema = org.Schema;
        var queries = new QueryEndpoint(org, schema);
        var composite = new CompositeEndpoint(org, schema);
        var tasks = new TaskEndpoint(org, schema);
        var bulk = new BulkQueryEndpoint(org, schema);
        app.Use((context, next) => Guard(context, next, org));
        app.MapPost("/services/oauth2/token", (Delegate)((HttpContext c) => TokenEndpoint.IssueAsync(c, org)));
        app.MapGet(Data + "/query", (HttpContext c, string version) => queries.QueryAsync(c, version, all: false));
        app.MapGet(Data + "/queryAll", (HttpContext c, string version) => queries.QueryAsync(c, version, all: true));
        app.MapGet(Data + "/query/{locator}", (HttpContext c, string locator) => queries.NextAsync(c, locator));
        app.MapGet(Data + "/queryAll/{locator}", (HttpContext c, string locator) => queries.NextAsync(c, locator));
        app.MapPost(Data + "/jobs/query", (HttpContext c, string version) => bulk.CreateAsync(c, version));
        app.MapGet(Data + "/jobs/query/{jobId}", (string version, string jobId) => bulk.Status(version, jobId));
        app.MapMethods(Data + "/jobs/query/{jobId}", ["PATCH"], (HttpContext c, string version, string jobId) => bulk.AbortAsync(c, version, jobId));
        app.MapGet(Data + "/jobs/query/{jobId}/results", (HttpContext c, string jobId) => bulk.ResultsAsync(c, jobId));
        app.MapMethods(Data + "/composite/sobjects", ["PATCH"], (Delegate)composite.UpdateAsync);
        app.MapPost(Data + "/composite/sobjects", (Delegate)tasks.CreateManyAsync);
        app.MapGet(Data + "/sobjects/{sobject}/describe", (string sobject) => Describe(schema, sobject));
        app.MapPost(Data + "/sobjects/{sobject}", (HttpContext c, string sobject) => tasks.CreateAsync(c, sobject));
        app.MapGet(Data + "/limits", () => Results.Json(new
        {
            DailyApiRequests = new { Max = org.Options.SalesforceDailyApiMax, Remaining = Math.Max(0, org.Options.SalesforceDailyApiMax - org.ApiUsed) },
        }));
    }

    /// <summary>Auth, version, daily limit and the usage header for every <c>/services/data</c> request.</summary>
    private static Task Guard(HttpContext context, RequestDelegate next, SalesforceOrg org)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/services/data/", StringComparison.Ordinal))
        {
            return next(context);
        }

        var used = org.CountCall();
        var max = org.Options.SalesforceDailyApiMax;
        context.Response.Headers["Sforce-Limit-Info"] = $"api-usage={Math.Min(used, max).ToString(CultureInfo.InvariantCulture)}/{max.ToString(CultureInfo.InvariantCulture)}";
        var auth = context.Request.Headers.Authorization.ToString();
        if (!auth.StartsWith("Bearer ", StringComparison.Ordinal) || !org.IsValidToken(auth["Bearer ".Length..]))
        {
            return SalesforceErrors.WriteAsync(context, 401, "INVALID_SESSION_ID", "Session expired or invalid");
        }

        if (!VersionPath().IsMatch(path))
        {
            return SalesforceErrors.WriteAsync(context, 404, "NOT_FOUND", "The requested resource does not exist");
        }

        return used > max
            ? SalesforceErrors.WriteAsync(context, 403, "REQUEST_LIMIT_EXCEEDED", $"TotalRequests Limit exceeded. ({max} a day)")
            : next(context);
    }

    private static IResult Describe(SalesforceSchema schema, string sobject)
    {
        if (schema.Name(sobject) is not { } name || schema.Fields(name) is not { } fields)
        {
            return SalesforceErrors.Error(404, "NOT_FOUND", $"The requested resource does not exist: sObject type '{sobject}' is not supported.");
        }

        return Results.Json(new
        {
            name,
            fields = fields.Values.Select(f => new
            {
                name = f.Name, type = f.Type, updateable = f.Updateable, nillable = f.Name != "Id", calculated = f.Calculated,
                restrictedPicklist = f.RestrictedPicklist, picklistValues = f.PicklistValues.Select(v => new { value = v, label = v, active = true }),
                referenceTo = f.ReferenceTo is null ? Array.Empty<string>() : [f.ReferenceTo],
            }),
        });
    }

    [GeneratedRegex(@"^/services/data/v\d{2,3}\.\d(/|$)")]
    private static partial Regex VersionPath();
}

using Microsoft.AspNetCore.Http;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>Salesforce's error body: a JSON array <c>[{message, errorCode, fields?}]</c>.</summary>
internal static class SalesforceErrors
{
    public static IResult Error(int status, string errorCode, string message, params string[] fields) =>
        Results.Json(new[] { new { message, errorCode, fields } }, statusCode: status);

    public static Task WriteAsync(HttpContext context, int status, string errorCode, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new[] { new { message, errorCode } });
    }
}

using System.Text.Json;
using System.Web;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Http;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CrmStateSync.Crm.Salesforce.Tests.TestSupport;

/// <summary>A loopback Salesforce (WireMock.Net) and a connector built by the real composition pointed at it.</summary>
internal sealed class SalesforceServer : IDisposable
{
    public const string ClientId = "3MVG9-consumer-key";
    public const string ClientSecret = "s3cr3t-consumer-secret-9f2";
    public const string RefreshToken = "5Aep861-refresh-token-value";
    public const string Token1 = "00Dfirst!AccessToken1";
    public const string Token2 = "00Dsecond!AccessToken2";
    public const string Data = "/services/data/v66.0";
    public const string TokenPath = "/services/oauth2/token";

    private ServiceProvider? _provider;

    public WireMockServer Mock { get; } = WireMockServer.Start();

    public Uri Url => new(Mock.Urls[0]);

    /// <summary>The connector with small resilience delays; <paramref name="configure"/> adjusts the options.</summary>
    public ICrmConnector Connector(Action<SalesforceOptions>? configure = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSalesforceConnector(o =>
        {
            o.LoginUrl = Url;
            o.ClientId = ClientId;
            o.ClientSecret = ClientSecret;
            o.Resilience = Fast();
            configure?.Invoke(o);
        });
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return _provider.GetRequiredService<ICrmConnector>();
    }

    /// <summary>The connector's call counter (by kind); available once <see cref="Connector"/> was built.</summary>
    public CallCounter Counter => (_provider ?? throw new InvalidOperationException("Build the connector first")).GetRequiredService<CallCounter>();

    public static CrmResilienceOptions Fast() => new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetries = 2,
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(20),
        BreakerSamplingDuration = TimeSpan.FromSeconds(30),
        BreakerBreakDuration = TimeSpan.FromSeconds(30),
    };

    /// <summary>The token endpoint answers with <paramref name="tokens"/> in turn (the last one repeats).</summary>
    public void Tokens(params string[] tokens) => Respond("POST", TokenPath, [.. tokens.Select(t => Json(200, new
    {
        access_token = t,
        instance_url = Url.ToString().TrimEnd('/'),
        id = "https://login.salesforce.com/id/00D000000000001/005000000000001",
        token_type = "Bearer",
        issued_at = "1716238172000",
        signature = "c2lnbmF0dXJl",
    }, null))]);

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with <paramref name="responses"/> in turn (the last repeats).</summary>
    public void Respond(string method, string path, params IResponseBuilder[] responses)
    {
        if (responses.Length == 1)
        {
            Mock.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(responses[0]);
            return;
        }

        var scenario = method + path;
        for (var i = 0; i < responses.Length; i++)
        {
            var request = Mock.Given(Request.Create().WithPath(path).UsingMethod(method)).InScenario(scenario);
            var last = i == responses.Length - 1;
            (i == 0 ? request : request.WhenStateIs(scenario + i))
                .WillSetStateTo(scenario + (last ? i : i + 1))
                .RespondWith(responses[i]);
        }
    }

    public static IResponseBuilder Json(int status, object body, string? limitInfo = "api-usage=18/15000") =>
        Raw(status, JsonSerializer.Serialize(body), limitInfo);

    public static IResponseBuilder Raw(int status, string body, string? limitInfo = "api-usage=18/15000")
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json;charset=UTF-8").WithBody(body);
        return limitInfo is null ? response : response.WithHeader("Sforce-Limit-Info", limitInfo);
    }

    public static IResponseBuilder Error(int status, string code, string message) => Json(status, new[] { new { message, errorCode = code } });

    public IReadOnlyList<ILogEntry> Calls(string? path = null, string? method = null) =>
        [.. Mock.LogEntries.Where(e => (path is null || e.RequestMessage.Path == path) && (method is null || e.RequestMessage.Method == method))];

    /// <summary>The decoded <c>q</c> of a query call.</summary>
    public static string? Soql(ILogEntry call) => HttpUtility.ParseQueryString(new Uri(call.RequestMessage.Url).Query)["q"];

    public static string? Header(ILogEntry call, string name) =>
        call.RequestMessage.Headers is { } headers && headers.TryGetValue(name, out var values) ? string.Join(",", values) : null;

    public static JsonElement Body(ILogEntry call) => JsonDocument.Parse(call.RequestMessage.Body ?? "null").RootElement;

    public void Dispose()
    {
        _provider?.Dispose();
        Mock.Stop();
        Mock.Dispose();
    }
}

using CrmStateSync.Crm.HubSpot.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.Logging;
using WireMock.Server;

namespace CrmStateSync.Crm.HubSpot.Tests;

/// <summary>A connector built through the real DI registration against a WireMock HubSpot on loopback.</summary>
internal sealed class HubSpotHarness : IDisposable
{
    public const string Token = "pat-na1-secret-token-123456";
    public static readonly DateTimeOffset Now = new(2026, 5, 20, 12, 0, 0, TimeSpan.Zero);
    private ServiceProvider? _services;

    public WireMockServer Server { get; } = WireMockServer.Start();

    public FakeTimeProvider Clock { get; } = new(Now);

    public ICrmConnector Connector(Action<HubSpotOptions>? tweak = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHubSpotConnector(o =>
        {
            o.BaseUrl = new Uri(Server.Url!);
            o.AccessToken = Token;
            o.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            o.Resilience.MaxRetries = 3;
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(20);
            o.Resilience.BreakerSamplingDuration = TimeSpan.FromSeconds(30);
            o.Resilience.BreakerBreakDuration = TimeSpan.FromSeconds(30);
            // WireMock has no search limit; tests that split windows search dozens of times. Pacing tests set their own.
            o.SearchRequestsPerSecond = 100;
            tweak?.Invoke(o);
        }, Clock);
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<ICrmConnector>();
    }

    public HubSpotRateLimiter Limiter => _services!.GetRequiredService<HubSpotRateLimiter>();

    public IReadOnlyList<ILogEntry> Calls(string method, string pathEndsWith) =>
        [.. Server.LogEntries.Where(e => e.RequestMessage.Method == method && e.RequestMessage.Path.EndsWith(pathEndsWith, StringComparison.Ordinal))];

    public static JsonElement Body(ILogEntry entry) => JsonDocument.Parse(entry.RequestMessage.Body!).RootElement;

    public void Dispose()
    {
        _services?.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}

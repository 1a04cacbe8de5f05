using System.Net;
using CrmStateSync.Sandbox.HubSpot;
using CrmStateSync.Sandbox.Salesforce;
using CrmStateSync.Sandbox.Seed;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Sandbox;

/// <summary>
/// The loopback CRM: a Kestrel minimal API on 127.0.0.1, an ephemeral port unless one is set (never any other address), serving
/// the Salesforce and HubSpot subsets of crm-apis.md from in-memory data. Thread-safe; one instance per test or run.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private Uri? _url;

    public SandboxServer(SandboxOptions? options = null)
    {
        Options = options ?? new SandboxOptions();
        Salesforce = new SalesforceOrg(Options);
        HubSpot = new HubSpotPortal(Options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, Options.Port);
            k.Limits.MaxRequestBodySize = 32 * 1024 * 1024;
        });
        _app = builder.Build();
        Requests.Attach(_app);
        SalesforceEndpoints.Map(_app, Salesforce);
        HubSpotEndpoints.Map(_app, HubSpot);
    }

    public SandboxOptions Options { get; }

    /// <summary>The requests answered so far, by method and route.</summary>
    public RequestLog Requests { get; } = new();

    /// <summary>The Salesforce org (tables, tokens, API usage, failure hooks).</summary>
    public SalesforceOrg Salesforce { get; }

    /// <summary>The HubSpot portal (tables, associations, rate window, failure hooks).</summary>
    public HubSpotPortal HubSpot { get; }

    /// <summary>The base address, <c>http://127.0.0.1:PORT</c>; available once started.</summary>
    public Uri Url => _url ?? throw new InvalidOperationException("The sandbox is not started; call StartAsync first");

    /// <summary>Stores <paramref name="seed"/> in the Salesforce org in its field names, stamped over the week before now.</summary>
    public SandboxServer SeedSalesforce(SeedData seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        SeedLoader.Load(new SalesforceSeedTarget(Salesforce), seed, Options.Clock.GetUtcNow());
        return this;
    }

    /// <summary>Stores <paramref name="seed"/> in the HubSpot portal in its property names, children associated to their company.</summary>
    public SandboxServer SeedHubSpot(SeedData seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        SeedLoader.Load(new HubSpotSeedTarget(HubSpot), seed, Options.Clock.GetUtcNow());
        return this;
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = new Uri(addresses.Single());
        _url = url.IsLoopback ? url : throw new InvalidOperationException($"The sandbox bound {url}, which is not loopback");
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

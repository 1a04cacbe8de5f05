using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.AdminConsole.Hosting;

/// <summary>
/// The console inside <c>run</c>: its own web application on <see cref="ConsoleSite.Url"/>, started with the worker's host
/// and stopped with it, so the pages never share the health endpoints' address.
/// </summary>
public sealed partial class ConsoleService(ConsoleSite site) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = site.Logging.CreateLogger<ConsoleService>();
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _app = ConsoleServer.Build(site);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        LogListening(_logger, site.Url, site.Options.Authentication);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin console listening at {Url} ({Authentication} sign-in)")]
    private static partial void LogListening(ILogger logger, string url, string authentication);
}

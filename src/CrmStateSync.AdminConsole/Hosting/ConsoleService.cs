using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace CrmStateSync.AdminConsole.Hosting;

/// <summary>
/// The console inside <c>run</c>: its own web application on <see cref="ConsoleSite.Url"/>, started with the worker's host
/// and stopped with it, so the pages never share the health endpoints' address.
/// </summary>
public sealed class ConsoleService(ConsoleSite site) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _app = ConsoleServer.Build(site);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
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
}

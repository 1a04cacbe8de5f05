using System.Net;
using System.Net.Sockets;

namespace CrmStateSync.Crm.Tests.Http;

/// <summary>
/// A loopback server that reads each request in full — the work "lands" — and then resets the connection (RST) instead
/// of answering: the lost answer a retry must not paper over for a create.
/// </summary>
internal sealed class ResettingServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _received;

    public ResettingServer()
    {
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>Requests received (each one processed, then reset).</summary>
    public int Received => Volatile.Read(ref _received);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var socket = await _listener.AcceptSocketAsync(_stop.Token);
            var buffer = new byte[64 * 1024];
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (read > 0)
            {
                Interlocked.Increment(ref _received);
            }

            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}

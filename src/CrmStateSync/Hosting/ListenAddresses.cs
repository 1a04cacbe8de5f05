using System.Net;
using System.Net.Sockets;

namespace CrmStateSync.Hosting;

/// <summary>
/// Whether the addresses of <see cref="WorkerOptions.HealthUrls"/> are free, asked before the host starts: Kestrel's own
/// refusal comes after the first cycle has begun, as a stack trace from the middle of the host's start.
/// </summary>
internal static class ListenAddresses
{
    /// <summary>The first of <paramref name="urls"/> (separated by <c>;</c>) another process listens on; null when all are free.</summary>
    public static string? FirstInUse(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Port > 0 && InUse(Address(uri), uri.Port))
            {
                return url;
            }
        }

        return null;
    }

    private static IPAddress Address(Uri uri) =>
        IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : uri.IsLoopback ? IPAddress.Loopback : IPAddress.Any;

    private static bool InUse(IPAddress address, int port)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(address, port));
            probe.Listen();
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            // Another refusal (a privileged port …) is Kestrel's to report with its own words.
            return false;
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace Mutuality.Web.Features.Notifications;

/// <summary>
/// Keeps the server from being used to reach its own network: addresses given by people (an ntfy topic, a push
/// endpoint) must be http(s), and the connection is refused when the name resolves only to loopback, link-local,
/// private or otherwise internal addresses — checked when the address is saved and again at connect time, on the
/// address actually connected to (so a name that later points inward is refused too).
/// </summary>
public static class NetworkGuard
{
    public static string? AddressProblem(string? url, bool allowPrivate)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return "Give a full address starting with https:// (or http://).";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Put a password or token in the token field, not in the address.";
        }

        if (!allowPrivate && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var literal) && IsInternal(literal))
        {
            return "That address is on a private or local network, which this server does not send to.";
        }

        if (!allowPrivate && (uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)))
        {
            return "That address is on this server itself, which it does not send to.";
        }

        return null;
    }

    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.None))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 10 || b[0] == 127 || b[0] == 0
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || b[0] >= 224;
        }

        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
    }

    /// <summary>An HTTP handler that connects only to addresses the guard allows.</summary>
    public static SocketsHttpHandler Handler(Func<bool> allowPrivate) => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = allowPrivate() ? addresses : [.. addresses.Where(a => !IsInternal(a))];
            if (allowed.Length == 0)
            {
                throw new HttpRequestException("The address is on a private or local network, which this server does not send to.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

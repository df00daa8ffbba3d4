using System.Net;
using System.Net.Sockets;

namespace ShapeOpenData.Modules.Catalogue;

/// <summary>An address the import will not read from: why, in words an administrator can act on.</summary>
public sealed class SourceRefusedException(string message) : Exception(message);

/// <summary>
/// Keeps the CKAN import to public portals. An administrator gives any address, and the service fetches it from inside
/// its own network, so without this it could be pointed at the machine itself, the private network around it or the
/// cloud's metadata service (169.254.169.254), which hands out credentials. The check is made on the address each
/// connection actually goes to, after DNS, for the first request and every redirect alike, so neither a redirect nor a
/// name that resolves differently the second time (DNS rebinding) gets round it. Private portals are allowed only
/// when an operator says so: <c>Catalogue:AllowPrivateSources</c> for all, <c>Catalogue:TrustedPrivateHosts</c> for named ones.
/// </summary>
public static class SourceAddresses
{
    private static readonly IPNetwork[] NotPublic = new[]
        {
            "0.0.0.0/8",        // "this network", and the unspecified address
            "10.0.0.0/8",       // private (RFC 1918)
            "100.64.0.0/10",    // carrier-grade NAT, private in practice
            "127.0.0.0/8",      // loopback
            "169.254.0.0/16",   // link-local, where cloud metadata services answer
            "172.16.0.0/12",    // private (RFC 1918)
            "192.0.0.0/24",     // IETF protocol assignments
            "192.168.0.0/16",   // private (RFC 1918)
            "198.18.0.0/15",    // benchmarking
            "224.0.0.0/4",      // multicast
            "240.0.0.0/4",      // reserved, and broadcast
            "::/128",           // unspecified
            "::1/128",          // loopback
            "fc00::/7",         // unique local (private), where AWS's IPv6 metadata service answers
            "fe80::/10",        // link-local
            "ff00::/8",         // multicast
        }.Select(network => IPNetwork.Parse(network)).ToArray();

    /// <summary>Whether <paramref name="address"/> is on the public internet. An IPv4 address written as IPv6 is judged as IPv4.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return !NotPublic.Any(network => network.Contains(address));
    }

    /// <summary>The addresses of <paramref name="host"/> the import may connect to: all of them, or only public ones.</summary>
    /// <exception cref="SourceRefusedException">None of its addresses may be used.</exception>
    public static async Task<IPAddress[]> AllowedAsync(string host, CatalogueOptions options, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (options.AllowPrivateSources || options.TrustedPrivateHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            return addresses;
        }
        var allowed = addresses.Where(IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            var shown = addresses.Length == 0 ? "nothing" : addresses[0].ToString();
            throw new SourceRefusedException(shown == host.Trim('[', ']')
                ? $"{shown} is a private or local address, which the import does not read from"
                : $"{host} is at {shown}, a private or local address, which the import does not read from");
        }
        return allowed;
    }

    /// <summary>Why the portal at <paramref name="portal"/> would be refused, or null when it may be read (or its name does not resolve yet).</summary>
    public static async Task<string?> RefusalAsync(Uri portal, CatalogueOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await AllowedAsync(portal.Host, options, cancellationToken);
            return null;
        }
        catch (SourceRefusedException refused)
        {
            return refused.Message;
        }
        catch (SocketException)
        {
            return null; // The import says so when it runs.
        }
    }

    /// <summary>The connection handler of the import's HTTP client: it connects only to addresses <see cref="AllowedAsync"/> allows.</summary>
    public static SocketsHttpHandler Handler(CatalogueOptions options) => new()
    {
        // A proxy would be the only address checked, not the portal's.
        UseProxy = false,
        MaxAutomaticRedirections = 5,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await AllowedAsync(context.DnsEndPoint.Host, options, cancellationToken);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
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

using System.Net;
using System.Net.Sockets;

namespace QmInsights.Silo.Hosting;

/// <summary>Unused loopback ports, so a demo or test host never clashes with a running silo.</summary>
/// <remarks>A port the OS hands out for port 0 comes from the ephemeral range, which outgoing connections (HTTP clients,
/// database connections) also draw from: between the pick and the host's bind, one of them can take it. Ports are
/// therefore drawn at random from below that range and never handed out twice by this process; one that does not bind
/// now is skipped.</remarks>
public static class FreePorts
{
    private static readonly HashSet<int> Given = [];
    private static readonly (int Low, int High) Range = BelowEphemeral();

    public static int Next()
    {
        lock (Given)
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var port = Random.Shared.Next(Range.Low, Range.High);
                if (Given.Contains(port) || !Binds(port)) continue;
                Given.Add(port);
                return port;
            }
            // The range is crowded: let the OS choose.
            var chosen = Bound(0);
            Given.Add(chosen);
            return chosen;
        }
    }

    /// <summary>Command-line settings for a self-contained local host: HTTP, silo and gateway ports all free.</summary>
    public static string[] LocalHostArgs() =>
    [
        $"--urls=http://127.0.0.1:{Next()}",
        $"--Orleans:SiloPort={Next()}",
        $"--Orleans:GatewayPort={Next()}",
    ];

    private static bool Binds(int port)
    {
        try
        {
            Bound(port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int Bound(int port)
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Linux publishes its ephemeral range; elsewhere (and when it starts low) the IANA dynamic range's start is assumed.
    private static (int Low, int High) BelowEphemeral()
    {
        var ephemeralStart = 49152;
        const string path = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(path) && int.TryParse(File.ReadAllText(path).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start))
            ephemeralStart = start;
        return ephemeralStart > 12_000 ? (Math.Max(10_000, ephemeralStart - 12_000), ephemeralStart) : (10_000, 20_000);
    }
}

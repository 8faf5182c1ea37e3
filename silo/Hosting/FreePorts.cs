using System.Net;
using System.Net.Sockets;

namespace QmInsights.Silo.Hosting;

/// <summary>Asks the OS for unused loopback ports, so a demo or test host never clashes with a running silo.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Command-line settings for a self-contained local host: HTTP, silo and gateway ports all free.</summary>
    public static string[] LocalHostArgs() =>
    [
        $"--urls=http://127.0.0.1:{Next()}",
        $"--Orleans:SiloPort={Next()}",
        $"--Orleans:GatewayPort={Next()}",
    ];
}

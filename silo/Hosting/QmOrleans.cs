using System.Net;
using Orleans.Dashboard;
using QmInsights.Grains.Grains;

namespace QmInsights.Silo.Hosting;

/// <summary>The Orleans part of the host. Embedded default: a localhost silo with in-process storage, so
/// `dotnet run --project silo` needs no server. Several local silos form one cluster when each names the first
/// one's port in <c>Orleans:PrimarySiloPort</c>.</summary>
public static class QmOrleans
{
    public static WebApplicationBuilder AddQmOrleans(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var siloPort = config.GetValue("Orleans:SiloPort", 11111);
        var gatewayPort = config.GetValue("Orleans:GatewayPort", 30000);
        var primaryPort = config.GetValue<int?>("Orleans:PrimarySiloPort");
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort,
                primaryPort is { } p ? new IPEndPoint(IPAddress.Loopback, p) : null);
            silo.AddMemoryGrainStorage(StorageNames.Aggregates);
            silo.Services.AddSingleton(new WriteBehindOptions { WriteOnShutdown = false });
            silo.UseInMemoryReminderService();
            silo.AddDashboard();
        });
        return builder;
    }
}

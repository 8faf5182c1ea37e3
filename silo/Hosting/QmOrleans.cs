using Orleans.Dashboard;
using QmInsights.Grains.Grains;

namespace QmInsights.Silo.Hosting;

/// <summary>The Orleans part of the host. Embedded default: one localhost silo with in-process storage, so
/// `dotnet run --project silo` needs no server.</summary>
public static class QmOrleans
{
    public static WebApplicationBuilder AddQmOrleans(this WebApplicationBuilder builder)
    {
        var siloPort = builder.Configuration.GetValue("Orleans:SiloPort", 11111);
        var gatewayPort = builder.Configuration.GetValue("Orleans:GatewayPort", 30000);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
            silo.AddMemoryGrainStorage(StorageNames.Aggregates);
            silo.UseInMemoryReminderService();
            silo.AddDashboard();
        });
        return builder;
    }
}

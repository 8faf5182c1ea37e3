using System.Net;
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;
using QmInsights.Grains.Grains;
using QmInsights.Storage;
using QmInsights.Grains.Storage;
using QmInsights.Storage.Postgres;
using QmInsights.Storage.Memory;

namespace QmInsights.Silo.Hosting;

/// <summary>The Orleans part of the host, chosen by <c>Storage:Provider</c>:
/// <c>Memory</c> (default) is one localhost silo with in-process storage, so `dotnet run --project silo` needs no
/// server (several local silos form one cluster when each names the first one's port in <c>Orleans:PrimarySiloPort</c>);
/// <c>Postgres</c> uses <c>ConnectionStrings:Postgres</c> for membership, grain storage, reminders and the facts;
/// <c>Azure</c> uses an Azure Storage account for the same (<see cref="AzureHosting"/>).</summary>
public static class QmOrleans
{
    public static WebApplicationBuilder AddQmOrleans(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var provider = config["Storage:Provider"] ?? "Memory";
        var siloPort = config.GetValue("Orleans:SiloPort", 11111);
        var gatewayPort = config.GetValue("Orleans:GatewayPort", 30000);

        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = config.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Postgres is not set (environment: ConnectionStrings__Postgres)");
            var dataSource = NpgsqlDataSource.Create(connectionString);
            builder.Services.AddSingleton(dataSource);
            builder.Services.AddSingleton<IFactStore, PostgresFactStore>();
            // Registered before the silo, so the schema exists before membership is read.
            builder.Services.AddHostedService(sp => new SchemaMigration(connectionString, sp.GetRequiredService<ILogger<SchemaMigration>>()));
            builder.Services.AddSingleton<OutboxRecovery>();
            builder.Services.AddHostedService<OutboxRecoveryService>();
            builder.UseOrleans(silo =>
            {
                ConfigureCluster(silo, config, siloPort, gatewayPort);
                silo.UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = connectionString; });
                silo.AddAdoNetGrainStorage(StorageNames.Definitions, o => { o.Invariant = "Npgsql"; o.ConnectionString = connectionString; });
                // Derived state is rebuilt from the facts at activation: nothing of it needs to outlive the silo.
                silo.AddMemoryGrainStorage(StorageNames.Derived);
                silo.UseAdoNetReminderService(o => { o.Invariant = "Npgsql"; o.ConnectionString = connectionString; });
                silo.AddDashboard();
            });
            return builder;
        }
        if (provider.Equals("Azure", StringComparison.OrdinalIgnoreCase)) return builder.AddAzureStorage(siloPort, gatewayPort);
        if (!provider.Equals("Memory", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Storage:Provider: '{provider}' is not one of Memory, Postgres, Azure");

        var primaryPort = config.GetValue<int?>("Orleans:PrimarySiloPort");
        builder.Services.AddSingleton<IFactStore, GrainStorageOnly>();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort,
                primaryPort is { } p ? new IPEndPoint(IPAddress.Loopback, p) : null);
            silo.AddMemoryGrainStorage(StorageNames.Definitions);
            // Written behind when an aggregate is collected after idling and read back at its next call: Orleans' own
            // serializer round-trips the state exactly (the default JSON one cannot read back its dictionary keys).
            silo.AddMemoryGrainStorage(StorageNames.Derived, options => options.Configure<Orleans.Serialization.Serializer>(
                (o, serializer) => o.GrainStorageSerializer = new Orleans.Storage.OrleansGrainStorageSerializer(serializer)));
            silo.Services.AddSingleton(new WriteBehindOptions { WriteOnShutdown = false });
            silo.UseInMemoryReminderService();
            silo.AddDashboard();
        });
        return builder;
    }

    /// <summary>Cluster ids, endpoints and failure detection of a silo that joins other processes' silos (Postgres, Azure).</summary>
    internal static void ConfigureCluster(ISiloBuilder silo, IConfiguration config, int siloPort, int gatewayPort)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = config["Orleans:ClusterId"] ?? "qminsights";
            o.ServiceId = config["Orleans:ServiceId"] ?? "qminsights";
        });
        var advertised = AdvertisedAddress(config["Orleans:AdvertisedIP"]);
        silo.ConfigureEndpoints(advertised, siloPort, gatewayPort, listenOnAnyHostAddress: config.GetValue("Orleans:ListenOnAnyAddress", false));
        // Failure detection and call time-outs can be tuned from configuration (tests shorten them).
        silo.Services.Configure<ClusterMembershipOptions>(config.GetSection("Orleans:Membership"));
        silo.Services.Configure<SiloMessagingOptions>(config.GetSection("Orleans:Messaging"));
    }

    // "auto": this host's own address, for replicas that cannot be told theirs (compose scaling a service).
    private static IPAddress AdvertisedAddress(string? setting) => setting switch
    {
        null or "" => IPAddress.Loopback,
        "auto" => Dns.GetHostAddresses(Dns.GetHostName())
                      .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                  ?? IPAddress.Loopback,
        _ => IPAddress.Parse(setting),
    };
}

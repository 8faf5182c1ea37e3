using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;
using QmInsights.Silo.Hosting;
using QmInsights.Storage.Postgres;

namespace QmInsights.Tests.Postgres;

/// <summary>A test-only grain with persistent state in the "qm" ADO.NET storage and reminders in the ADO.NET table.</summary>
public interface IAdoNetProbeGrain : IGrainWithStringKey
{
    Task Save(string text, int count);
    Task<AdoNetProbeState> Load();
    Task Clear();
    Task RegisterReminder(string name);
    Task<bool> HasReminder(string name);
}

[GenerateSerializer]
public sealed class AdoNetProbeState
{
    [Id(0)] public string Text { get; set; } = "";
    [Id(1)] public int Count { get; set; }
}

public sealed class AdoNetProbeGrain([PersistentState("probe", "qm")] IPersistentState<AdoNetProbeState> state)
    : Grain, IAdoNetProbeGrain, IRemindable
{
    public async Task Save(string text, int count)
    {
        state.State.Text = text;
        state.State.Count = count;
        await state.WriteStateAsync();
    }

    // Re-reads from the database so the test sees what is stored, not the activation's copy.
    public async Task<AdoNetProbeState> Load()
    {
        await state.ReadStateAsync();
        return state.State;
    }

    public Task Clear() => state.ClearStateAsync();

    // Far-off due time: the test checks storage of the reminder, not its ticks.
    public Task RegisterReminder(string name) =>
        this.RegisterOrUpdateReminder(name, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public async Task<bool> HasReminder(string name) => await this.GetReminder(name) is not null;

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}

public sealed class OrleansAdoNetTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const int Active = 3; // SiloStatus.Active as stored in the membership table

    [Fact]
    public async Task Schema_applies_repeatedly_and_concurrently_and_defines_every_provider_query()
    {
        var connectionString = server.ConnectionString();
        await DatabaseSchema.ApplyAsync(connectionString);
        // Two "silos" starting at once: the advisory lock serialises them instead of failing on the catalog.
        await Task.WhenAll(DatabaseSchema.ApplyAsync(connectionString), DatabaseSchema.ApplyAsync(connectionString));

        string[] expected =
        [
            "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
            "MembershipReadRowKey", "MembershipReadAllKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
            "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
            "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
            "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key",
            "ReadRangeRows2Key", "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];
        var keys = await Strings(connectionString, "SELECT querykey FROM orleansquery ORDER BY querykey");
        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task State_and_reminders_survive_a_silo_restart_on_the_same_database()
    {
        var connectionString = server.ConnectionString();
        await DatabaseSchema.ApplyAsync(connectionString);
        await DatabaseSchema.ApplyAsync(connectionString);
        var clusterId = $"restart-{Guid.NewGuid():N}";

        using (var first = await StartSilo(connectionString, clusterId))
        {
            var probe = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IAdoNetProbeGrain>("p1");
            await probe.Save("first", 1);
            await probe.Save("second", 2); // an update: exercises the version compare-and-swap
            var loaded = await probe.Load();
            Assert.Equal(("second", 2), (loaded.Text, loaded.Count));

            await probe.RegisterReminder("nightly");
            Assert.True(await probe.HasReminder("nightly"));
            Assert.Equal(1L, await Scalar<long>(connectionString,
                "SELECT count(*) FROM orleansreminderstable WHERE remindername = 'nightly' AND grainid LIKE '%p1%'"));

            Assert.Equal([SiloPort(first)], await ActivePorts(connectionString, clusterId));
            await first.StopAsync();
        }

        using var second = await StartSilo(connectionString, clusterId);
        var again = second.Services.GetRequiredService<IGrainFactory>().GetGrain<IAdoNetProbeGrain>("p1");
        var restored = await again.Load();
        Assert.Equal(("second", 2), (restored.Text, restored.Count));
        Assert.True(await again.HasReminder("nightly"));
        await again.Save("third", 3); // the new activation writes on top of the stored version
        Assert.Equal(3, (await again.Load()).Count);
        await again.Clear(); // ClearStorageKey keeps the row with no payload and a bumped version
        Assert.Equal(0, (await again.Load()).Count);
        await again.Save("fourth", 4);
        Assert.Equal(4, (await again.Load()).Count);

        // The stopped silo is marked Dead, the new one Active.
        Assert.Equal([SiloPort(second)], await ActivePorts(connectionString, clusterId));
        await second.StopAsync();
    }

    [Fact]
    public async Task Two_silos_on_one_database_form_one_cluster()
    {
        var connectionString = server.ConnectionString();
        await DatabaseSchema.ApplyAsync(connectionString);
        var clusterId = $"pair-{Guid.NewGuid():N}";

        using var first = await StartSilo(connectionString, clusterId);
        using var second = await StartSilo(connectionString, clusterId);
        var management = second.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        Dictionary<SiloAddress, SiloStatus> hosts;
        do
        {
            hosts = await management.GetHosts(onlyActive: true);
            if (hosts.Count == 2) break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);

        Assert.Equal(2, hosts.Count);
        Assert.Equal(2, (await ActivePorts(connectionString, clusterId)).Length);
        await second.StopAsync();
        await first.StopAsync();
    }

    private static async Task<IHost> StartSilo(string connectionString, string clusterId)
    {
        var siloPort = FreePorts.Next();
        // A plain HostBuilder: no appsettings or environment configuration can leak into the silo under test.
        var host = new HostBuilder()
            .UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = "qminsights-adonet-tests"; });
                silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, FreePorts.Next());
                silo.UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = connectionString; });
                silo.AddAdoNetGrainStorage("qm", o => { o.Invariant = "Npgsql"; o.ConnectionString = connectionString; });
                silo.UseAdoNetReminderService(o => { o.Invariant = "Npgsql"; o.ConnectionString = connectionString; });
            })
            .Build();
        await host.StartAsync();
        return host;
    }

    private static int SiloPort(IHost host) => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Endpoint.Port;

    private static async Task<int[]> ActivePorts(string connectionString, string clusterId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT port FROM orleansmembershiptable WHERE deploymentid = @id AND status = @active ORDER BY port", connection);
        command.Parameters.AddWithValue("id", clusterId);
        command.Parameters.AddWithValue("active", Active);
        var ports = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ports.Add(reader.GetInt32(0));
        return [.. ports];
    }

    private static async Task<List<string>> Strings(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    private static async Task<T> Scalar<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

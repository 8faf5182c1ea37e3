using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QmInsights.Domain.Facts;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Reports;
using QmInsights.Reports.Pack;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Reports;

/// <summary>Training ahead on a small simulated centre (September and October 2025): once October's data has been quiet
/// for <c>Reports:TrainAhead:Quiet</c>, its outlook is trained, the pack uses it without training again, and a new
/// contact of October makes it wait for quiet and train again.</summary>
public sealed class TrainAheadTests(SimulatedCentreFixture centre) : IClassFixture<SimulatedCentreFixture>
{
    private static readonly PackMonth October = new(2025, 10);

    private T Service<T>() where T : notnull => centre.Services.GetRequiredService<T>();

    [Fact]
    public async Task The_quiet_closed_month_is_trained_ahead_the_pack_uses_it_and_new_data_of_the_month_trains_it_again()
    {
        var grains = Service<IGrainFactory>();
        var ahead = grains.GetGrain<ITrainAheadGrain>("outlooks");
        var outlook = grains.GetGrain<IPackOutlookGrain>(October.ToString());
        var quiet = Service<TrainAheadSettings>().Quiet;
        var now = DateTimeOffset.UtcNow;

        // The latest contact is in October 2025, long over: October is watched, but its data has not been quiet yet.
        var watching = await ahead.Check(now);
        Assert.Equal("2025-10", watching.Month);
        Assert.True(watching.Settling);
        Assert.False((await outlook.Status()).Ready);

        var trained = await ahead.Check(now + quiet);
        Assert.False(trained.Settling);
        var status = await outlook.Status();
        Assert.True(status.Ready);
        Assert.Equal(("train ahead", 1), (status.TrainedBy, status.Trainings));

        // The pack shows the outlook trained ahead and trains nothing.
        var pack = await Service<MonthlyPackService>().Gather(October, null, now);
        Assert.NotNull(pack!.Forecast);
        Assert.Equal(JsonSerializer.Serialize(await outlook.Get("test")), JsonSerializer.Serialize(pack.Forecast));
        Assert.Equal(1, (await outlook.Status()).Trainings);

        // A contact of October's busiest queue: the outlook is stale, and the next look waits for quiet again.
        var agent = centre.Simulation.Agents[0];
        var contact = new Interaction("train-ahead-october", Enum.Parse<Channel>(pack.Forecast.Channel, ignoreCase: true), agent.AgentId,
            agent.FinalTeamId, pack.Forecast.Queue, new DateTimeOffset(2025, 10, 20, 10, 0, 0, TimeSpan.Zero), 300, null, null, null);
        Assert.Equal(1, (await FactPoster.Post(centre.Http, [contact])).Accepted);
        Assert.False((await outlook.Status()).Ready);
        Assert.True((await ahead.Check(now + quiet + TimeSpan.FromSeconds(1))).Settling);
        Assert.Equal(1, (await outlook.Status()).Trainings);

        Assert.False((await ahead.Check(now + 2 * quiet + TimeSpan.FromSeconds(1))).Settling);
        status = await outlook.Status();
        Assert.True(status.Ready);
        Assert.Equal(2, status.Trainings);
        Assert.Equal(pack.Forecast.MonthContacts + 1, (await outlook.Get("test"))!.MonthContacts);

        // What a QA manager sees: October ready, trained twice, by training ahead, and the month watched.
        using var listing = JsonDocument.Parse(await centre.Http.GetStringAsync("/api/reports/outlooks"));
        Assert.Equal("2025-10", listing.RootElement.GetProperty("trainAhead").GetProperty("month").GetString());
        var october = listing.RootElement.GetProperty("months").EnumerateArray().Single(m => m.GetProperty("month").GetString() == "2025-10");
        Assert.True(october.GetProperty("ready").GetBoolean());
        Assert.Equal(("train ahead", 2), (october.GetProperty("trainedBy").GetString(), october.GetProperty("trainings").GetInt32()));
    }
}

using System.Text.Json;
using QmInsights.Domain.Facts;

namespace QmInsights.Tests.Api;

/// <summary>The simulated centre (millisecond durations, abandoned contacts, Oslo time across the end of summer time)
/// fed through the API, its team and queue figures recomputed by brute force straight from the simulation.</summary>
public sealed class SimulatedCentreRecomputationTests(SimulatedCentreFixture centre) : IClassFixture<SimulatedCentreFixture>
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    private static DateOnly LocalDay(DateTimeOffset t) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(t.UtcDateTime, Oslo));

    [Fact]
    public void The_simulation_has_decimal_durations_abandoned_contacts_and_a_daylight_saving_change()
    {
        var contacts = centre.Simulation.Contacts().ToList();
        Assert.Contains(contacts, c => c.HandleSeconds != Math.Floor(c.HandleSeconds));
        Assert.Contains(contacts, c => c.WaitSeconds is { } w && w != Math.Floor(w));
        Assert.Contains(contacts, c => c.Outcome == ContactOutcome.Abandoned && c.AgentId is null && c.WaitSeconds is not null);
        // Summer time (+02:00) before 26 October 2025, winter time (+01:00) after.
        Assert.Contains(contacts, c => c.StartedAt.Offset == TimeSpan.FromHours(2));
        Assert.Contains(contacts, c => c.StartedAt.Offset == TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Team_months_and_queue_figures_equal_a_recomputation_on_the_centres_local_calendar()
    {
        var handled = centre.Simulation.Interactions().ToList();
        foreach (var teamId in centre.Simulation.TeamIds)
        {
            using var summary = JsonDocument.Parse(await centre.Http.GetStringAsync($"/api/teams/{teamId}/summary?period=month"));
            foreach (var month in summary.RootElement.GetProperty("trend").EnumerateArray())
            {
                var from = DateOnly.Parse(month.GetProperty("from").GetString()!);
                var to = DateOnly.Parse(month.GetProperty("to").GetString()!);
                var mine = handled.Where(i => i.TeamId == teamId && LocalDay(i.StartedAt) is var d && d >= from && d <= to).ToList();
                Assert.Equal(mine.Count, month.GetProperty("interactions").GetInt64());
                // A month of late surveys and evaluations only has no handle time.
                if (mine.Count == 0) Assert.Equal(JsonValueKind.Null, month.GetProperty("ahtSeconds").ValueKind);
                else Assert.Equal(Math.Round(mine.Average(i => i.HandleSeconds), 1, MidpointRounding.AwayFromZero),
                    month.GetProperty("ahtSeconds").GetDouble(), 0.1 + 1e-9);
            }
        }

        // Default thresholds: service level within 20 s, short abandons under 5 s.
        using var queues = JsonDocument.Parse(await centre.Http.GetStringAsync("/api/queues/figures?from=2025-09-01&to=2025-10-31"));
        var all = centre.Simulation.Contacts().ToList();
        foreach (var queue in queues.RootElement.EnumerateArray())
        {
            var name = queue.GetProperty("queue").GetString();
            var mine = all.Where(c => c.Queue == name).ToList();
            var answered = mine.Where(c => c.Outcome == ContactOutcome.Handled).ToList();
            var abandoned = mine.Count(c => c.Outcome == ContactOutcome.Abandoned && c.WaitSeconds >= 5);
            var total = queue.GetProperty("total");
            Assert.Equal(answered.Count + abandoned, total.GetProperty("offered").GetInt64());
            Assert.Equal(abandoned, total.GetProperty("abandoned").GetInt64());
            Assert.Equal(answered.Count(c => (c.WaitSeconds ?? 0) <= 20) / (double)(answered.Count + abandoned),
                total.GetProperty("serviceLevel").GetDouble(), 12);
            // One row per local day with contacts, starting at local midnight: summer time before 26 October, winter after.
            var starts = queue.GetProperty("intervals").EnumerateArray().Select(i => i.GetProperty("intervalStart").GetDateTimeOffset()).ToList();
            Assert.Equal(mine.Select(c => LocalDay(c.StartedAt)).Distinct().Order(), starts.Select(d => DateOnly.FromDateTime(d.DateTime)));
            Assert.All(starts, d => Assert.Equal(d.Date < new DateTime(2025, 10, 26) ? TimeSpan.FromHours(2) : TimeSpan.FromHours(1), d.Offset));
            Assert.All(starts, d => Assert.Equal(TimeSpan.Zero, d.TimeOfDay));
        }
    }
}

using QmInsights.Domain.Cadence;
using QmInsights.Domain.Facts;

namespace QmInsights.Tests.Cadence;

public sealed class SamplingPlannerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static List<SamplingCandidate> Contacts(string agent, int count) =>
        Enumerable.Range(0, count).Select(i => new SamplingCandidate($"{agent}-{i:000}", agent, "t", i % 4 == 0 ? Channel.Chat : Channel.Call, "q",
            Start.AddHours(i), 200 + i, i == 7 ? 1 : i % 3 == 0 ? 5 : null)).ToList();

    [Fact]
    public void Targeted_contacts_come_first_then_random_ones_stratified_by_channel()
    {
        var pool = Contacts("a1", 40);
        var plan = SamplingPlanner.Suggest(pool, new Dictionary<string, DateTimeOffset>(), new DateOnly(2026, 3, 20), 4, seed: 5, new CadencePolicy());
        Assert.Equal(4, plan.Count);
        Assert.Equal(("a1-007", "low CSAT"), (plan[0].InteractionId, plan[0].Reason));
        Assert.Equal(("a1-039", "long handle time"), (plan[1].InteractionId, plan[1].Reason));
        Assert.All(plan.Skip(2), s => Assert.StartsWith("random (", s.Reason));
        Assert.Contains(plan, s => s.Channel == Channel.Chat); // a quarter of the contacts are chats: one of four picks
    }

    [Fact]
    public void The_same_seed_gives_the_same_plan_and_another_seed_another()
    {
        var pool = Contacts("a1", 60).Concat(Contacts("a2", 60)).ToList();
        var hired = new Dictionary<string, DateTimeOffset>();
        var first = SamplingPlanner.Suggest(pool, hired, new DateOnly(2026, 3, 20), 6, 1, new CadencePolicy());
        var again = SamplingPlanner.Suggest(pool.AsEnumerable().Reverse().ToList(), hired, new DateOnly(2026, 3, 20), 6, 1, new CadencePolicy());
        var other = SamplingPlanner.Suggest(pool, hired, new DateOnly(2026, 3, 20), 6, 2, new CadencePolicy());
        Assert.Equal(first.Select(s => s.InteractionId), again.Select(s => s.InteractionId));
        Assert.NotEqual(first.Select(s => s.InteractionId), other.Select(s => s.InteractionId));
    }

    [Fact]
    public void New_hires_get_twice_as_many_and_no_contact_is_suggested_twice()
    {
        var pool = Contacts("new", 30);
        var hired = new Dictionary<string, DateTimeOffset> { ["new"] = Start.AddDays(-5) };
        var plan = SamplingPlanner.Suggest(pool, hired, new DateOnly(2026, 3, 10), 3, 1, new CadencePolicy());
        Assert.Equal(6, plan.Count);
        Assert.Equal(6, plan.Select(s => s.InteractionId).Distinct().Count());
        Assert.All(plan, s => Assert.EndsWith("new hire", s.Reason));
        Assert.Equal(2, SamplingPlanner.Suggest(Contacts("few", 2), hired, new DateOnly(2026, 3, 10), 5, 1, new CadencePolicy()).Count);
    }
}

using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Periods;
using QmInsights.Domain.Scorecards;
using QmInsights.Tests.Aggregates;

namespace QmInsights.Tests.Joins;

/// <summary>The compact rows give back exactly the records they were given: every field, nulls, offsets, doubles to
/// the bit, revisions and the revisions they replaced; the day index finds exactly a range's rows.</summary>
public sealed class ShardRowsTests
{
    private static readonly CentreCalendar Kolkata = CentreCalendar.Of("Asia/Kolkata");

    /// <summary>Rows made by applying every fact of <paramref name="facts"/> in order (revisions ascending), and the rows
    /// the same facts make as plain records: what the compact rows must give back.</summary>
    private static (ShardRows Compact, Dictionary<string, InteractionJoin> Expected) Apply(RandomFacts facts, CentreCalendar calendar)
    {
        var version = new ScorecardVersion("sc", 1, RandomFacts.Start.AddYears(-1), facts.Scorecard);
        var rows = new ShardRows(calendar);
        var book = new InteractionBook(rows);
        var expected = new Dictionary<string, InteractionJoin>();
        InteractionJoin Row(string id) => expected.TryGetValue(id, out var row) ? row : expected[id] = new InteractionJoin();
        var changes = new AggregateChanges();
        foreach (var i in facts.Interactions)
        {
            Assert.Equal(FactStatus.Accepted, book.Apply(0, i, changes).Status);
            Row(i.InteractionId).Interaction = i;
        }
        foreach (var s in facts.Surveys)
        {
            book.Apply(0, s, changes);
            Row(s.InteractionId).Survey = s;
        }
        foreach (var e in facts.Evaluations)
        {
            var scored = new ScoredEvaluation(e, ScoreCalculator.Score(version, e.Answers));
            book.Apply(0, scored, changes);
            var row = Row(e.InteractionId);
            var current = row.Evaluations.FindIndex(c => c.Evaluation.EvaluationId == e.EvaluationId);
            if (current < 0) row.Evaluations.Add(scored);
            else
            {
                row.Replaced.Add(row.Evaluations[current]);
                row.Evaluations[current] = scored;
            }
        }
        return (rows, expected);
    }

    // JSON keeps what equality does not: a time's offset, a double's every digit, the order of lists.
    private static string Exact(InteractionJoin? row) => JsonSerializer.Serialize(row);

    [Fact]
    public void Every_field_of_every_record_comes_back_exactly()
    {
        var (rows, expected) = Apply(new RandomFacts(seed: 5, interactions: 900), Kolkata);
        Assert.Equal(expected.Count, rows.Count);
        Assert.Contains(expected.Values, r => r.Replaced.Count > 0);
        Assert.Contains(expected.Values, r => r.Interaction is { AgentId: null, TeamId: null, AfterCallWorkSeconds: null });
        Assert.Contains(expected.Values, r => r.Survey is { Csat: null } || r.Survey is { Nps: null });
        foreach (var (id, row) in expected) Assert.Equal(Exact(row), Exact(rows.Find(id)));
        Assert.Equal(expected.Keys.Order(), rows.All().Select(r => r.Key).Order());
    }

    [Fact]
    public void Odd_values_survive_offsets_sub_millisecond_durations_and_large_numbers()
    {
        var rows = new ShardRows();
        var started = new DateTimeOffset(2026, 3, 29, 1, 59, 59, 999, TimeSpan.FromMinutes(345)).AddTicks(7);
        var contact = new Interaction("ünïcode-id-€", Channel.Email, "a", "t", "q", started, 0.1 + 0.2, 1e9 + 0.001, 1.0 / 3, false);
        var survey = new Survey("ünïcode-id-€", started.ToOffset(TimeSpan.FromHours(-11)), 5, null);
        rows.Put(contact.InteractionId, new InteractionJoin { Interaction = contact, Survey = survey });
        var back = rows.Find(contact.InteractionId)!;
        Assert.Equal(Exact(new InteractionJoin { Interaction = contact, Survey = survey }), Exact(back));
        Assert.Equal(started.Offset, back.Interaction!.StartedAt.Offset);
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.1 + 0.2), BitConverter.DoubleToInt64Bits(back.Interaction.HandleSeconds));
        Assert.Null(rows.Find("ünïcode-id"));
    }

    [Fact]
    public void Removed_rows_are_gone_their_slots_reused_and_the_rest_unchanged()
    {
        var rows = new ShardRows();
        Interaction Contact(int n) => new($"interaction-with-a-longish-id-{n}", Channel.Call, $"a{n % 7}", "t", "q",
            RandomFacts.Start.AddMinutes(n), n, null, null, null);
        for (var n = 0; n < 20_000; n++) rows.Put(Contact(n).InteractionId, new InteractionJoin { Interaction = Contact(n) });
        // Three quarters removed: more bytes of removed ids than live ones, so the ids are repacked.
        for (var n = 0; n < 20_000; n++)
            if (n % 4 != 0) Assert.True(rows.Remove(Contact(n).InteractionId));
        Assert.False(rows.Remove(Contact(1).InteractionId));
        for (var n = 20_000; n < 25_000; n++) rows.Put(Contact(n).InteractionId, new InteractionJoin { Interaction = Contact(n) });

        Assert.Equal(5_000 + 5_000, rows.Count);
        for (var n = 0; n < 25_000; n++)
        {
            var kept = n % 4 == 0 || n >= 20_000;
            Assert.Equal(kept ? Exact(new InteractionJoin { Interaction = Contact(n) }) : Exact(null), Exact(rows.Find(Contact(n).InteractionId)));
            Assert.Equal(kept, rows.Contains(Contact(n).InteractionId));
        }
        Assert.Equal(10_000, rows.Contacts(null, null).Count());
    }

    [Theory]
    [InlineData("2026-01-20", "2026-01-31")]
    [InlineData(null, "2026-02-01")]
    [InlineData("2026-03-01", null)]
    [InlineData(null, null)]
    public void A_day_range_gives_exactly_the_rows_whose_contact_falls_on_those_local_days(string? from, string? to)
    {
        var (rows, expected) = Apply(new RandomFacts(seed: 8, interactions: 1500), Kolkata);
        foreach (var id in expected.Keys.Where((_, k) => k % 5 == 0).ToList())
        {
            rows.Remove(id);
            expected.Remove(id);
        }
        var (first, last) = (from is null ? (DateOnly?)null : DateOnly.Parse(from), to is null ? (DateOnly?)null : DateOnly.Parse(to));
        bool Inside(Interaction i) => Kolkata.DayOf(i.StartedAt) is var day && (first is null || day >= first) && (last is null || day <= last);

        var wanted = expected.Values.Where(r => r.Interaction is { } i && Inside(i)).ToList();
        Assert.Equal(wanted.Select(r => r.Interaction!.InteractionId).Order(), rows.Contacts(first, last).Select(r => r.Interaction!.InteractionId).Order());
        Assert.Equal(wanted.Where(r => r.Evaluations.Count + r.Replaced.Count > 0).Select(Exact).Order(),
            rows.Contacts(first, last, evaluatedOnly: true).Select(Exact).Order());
        Assert.Equal(wanted.Select(r => r.Interaction!).Select(i => JsonSerializer.Serialize(i)).Order(),
            rows.Interactions(first, last).Select(i => JsonSerializer.Serialize(i)).Order());
    }

    [Fact]
    public void The_last_day_is_the_latest_local_day_a_remaining_contact_started_on()
    {
        var (rows, expected) = Apply(new RandomFacts(seed: 9, interactions: 400), Kolkata);
        DateOnly? Latest() => expected.Values.Select(r => r.Interaction).OfType<Interaction>().Select(i => (DateOnly?)Kolkata.DayOf(i.StartedAt)).Max();
        Assert.NotNull(Latest());
        Assert.Equal(Latest(), rows.LastDay);
        // Removing the latest contacts moves it back; removing every row leaves none.
        foreach (var id in expected.Where(r => r.Value.Interaction is { } i && Kolkata.DayOf(i.StartedAt) == Latest()).Select(r => r.Key).ToList())
        {
            rows.Remove(id);
            expected.Remove(id);
        }
        Assert.Equal(Latest(), rows.LastDay);
        foreach (var id in expected.Keys.ToList()) rows.Remove(id);
        Assert.Null(new ShardRows(Kolkata).LastDay);
        Assert.Null(rows.LastDay);
    }

    [Fact]
    public void Rows_survive_the_grain_state_serializer_and_are_indexed_again()
    {
        var (rows, expected) = Apply(new RandomFacts(seed: 11, interactions: 600), Kolkata);
        var serializer = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(ShardRows).Assembly))
            .BuildServiceProvider().GetRequiredService<Serializer>();
        var back = serializer.Deserialize<ShardRows>(serializer.SerializeToArray(rows))!;
        back.Calendar = Kolkata;

        Assert.Equal(expected.Count, back.Count);
        foreach (var (id, row) in expected) Assert.Equal(Exact(row), Exact(back.Find(id)));
        Assert.Equal(rows.Contacts(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)).Select(Exact).Order(),
            back.Contacts(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)).Select(Exact).Order());
        // Still a working book after the round trip: a new survey lands on its row.
        var id0 = expected.Keys.First(id => expected[id].Survey is null);
        back.Put(id0, new InteractionJoin { Interaction = expected[id0].Interaction, Survey = new Survey(id0, RandomFacts.Start, 4, 9) });
        Assert.Equal(4, back.Find(id0)!.Survey!.Csat);
    }
}

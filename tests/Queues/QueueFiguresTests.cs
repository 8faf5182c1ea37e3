using QmInsights.Domain.Facts;
using QmInsights.Domain.Periods;
using QmInsights.Domain.Queues;

namespace QmInsights.Tests.Queues;

/// <summary>Offered, abandoned, service level and ASA per queue and local interval.</summary>
public sealed class QueueFiguresTests
{
    private static readonly QueueThresholds Thresholds = new(ServiceLevelSeconds: 20, ShortAbandonSeconds: 5);

    private static Interaction Contact(DateTimeOffset at, ContactOutcome outcome, double wait, double handle = 0, string queue = "q") =>
        new($"c{at.Ticks}-{wait}-{handle}", Channel.Call, outcome == ContactOutcome.Handled ? "a" : null,
            outcome == ContactOutcome.Handled ? "t" : null, queue, at, handle, null, wait, null, outcome);

    [Fact]
    public void Figures_follow_the_definitions_worked_by_hand()
    {
        var nine = new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);
        Interaction[] contacts =
        [
            Contact(nine, ContactOutcome.Handled, 10, 300), Contact(nine.AddMinutes(5), ContactOutcome.Handled, 20, 200),
            Contact(nine.AddMinutes(9), ContactOutcome.Handled, 45, 100), Contact(nine.AddMinutes(12), ContactOutcome.Abandoned, 60),
            Contact(nine.AddMinutes(15), ContactOutcome.Abandoned, 4), Contact(nine.AddMinutes(20), ContactOutcome.ShortAbandoned, 2),
        ];
        var tally = Assert.Single(QueueIntervals.Of(contacts, null, new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 4), true,
            Thresholds, CentreCalendar.Utc)).Value;
        var figures = QueueFigures.Of(null, tally);
        // Offered 3 handled + 1 abandoned (the 4 s abandon is short); 2 of 4 answered within 20 s; ASA (10+20+45)/3.
        Assert.Equal((4L, 3L, 1L, 2L), (figures.Offered, figures.Handled, figures.Abandoned, figures.ShortAbandoned));
        Assert.Equal(0.25, figures.AbandonRate);
        Assert.Equal(0.5, figures.ServiceLevel);
        Assert.Equal(25.0, figures.AsaSeconds);
        Assert.Equal(200.0, figures.AhtSeconds);
    }

    [Fact]
    public void The_autumn_daylight_saving_day_has_25_local_hours_and_keeps_the_repeated_hour_apart()
    {
        // Oslo, 25 October 2026: 02:00-03:00 local happens twice (00:00Z-01:00Z at +02:00, 01:00Z-02:00Z at +01:00).
        var oslo = CentreCalendar.Of("Europe/Oslo");
        var start = oslo.StartOf(new DateOnly(2026, 10, 25));
        var contacts = Enumerable.Range(0, 25).Select(h => Contact(start.AddHours(h).AddMinutes(30), ContactOutcome.Handled, 5, 60)).ToList();
        var hours = QueueIntervals.Of(contacts, "q", new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 25), true, Thresholds, oslo);
        Assert.Equal(25, hours.Count);
        Assert.Equal(2, hours.Keys.Count(k => k.Start.Hour == 2));
        var day = Assert.Single(QueueIntervals.Of(contacts, "q", new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 25), false, Thresholds, oslo));
        Assert.Equal(25, day.Value.Handled);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.FromHours(2)), day.Key.Start);
    }
}

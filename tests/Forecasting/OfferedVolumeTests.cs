using QmInsights.Domain.Facts;
using QmInsights.Domain.Forecasting;

namespace QmInsights.Tests.Forecasting;

/// <summary>Interval tallies keep handle time to handled contacts and count abandoned ones in offered volume.</summary>
public sealed class OfferedVolumeTests
{
    private static readonly DateTimeOffset Nine = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private static Interaction Contact(string id, int minute, ContactOutcome outcome, double handle = 0, double? wait = null) =>
        new(id, Channel.Call, outcome == ContactOutcome.Handled ? "a" : null, outcome == ContactOutcome.Handled ? "t" : null,
            "q", Nine.AddMinutes(minute), handle, null, wait, null, outcome);

    [Fact]
    public void Abandoned_contacts_are_offered_not_handled_and_short_abandons_are_neither()
    {
        Interaction[] contacts =
        [
            Contact("h1", 1, ContactOutcome.Handled, 200.5), Contact("h2", 2, ContactOutcome.Handled, 0),
            Contact("a1", 3, ContactOutcome.Abandoned, wait: 60), Contact("a2", 4, ContactOutcome.Abandoned, wait: 3),
            Contact("s1", 5, ContactOutcome.ShortAbandoned, wait: 1),
        ];
        var tally = Assert.Single(IntervalTallies.Of(contacts, "q", null, DateTime.MinValue, DateTime.MaxValue, IntervalLength.Hour,
            shortAbandonSeconds: 5));
        Assert.Equal((2L, 200.5, 1L, 3L), (tally.Count, tally.HandleSum, tally.Abandoned, tally.Offered));
    }
}

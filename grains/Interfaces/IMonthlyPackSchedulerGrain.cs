namespace QmInsights.Grains.Interfaces;

/// <summary>Renders and archives the last complete month's packs (the centre's and each team's) once that month is
/// over, and sends them to the subscribers (<see cref="IPackDeliveryGrain"/>) when a mail server is configured: a daily
/// reminder, so the 1st of the month produces them and a silo that was down that day catches up.
/// A single grain, key "monthly".</summary>
[Alias("qm.IMonthlyPackSchedulerGrain")]
public interface IMonthlyPackSchedulerGrain : IGrainWithStringKey
{
    /// <summary>Registers the reminder (idempotent).</summary>
    Task Start();

    /// <summary>Renders the packs of the month before <paramref name="now"/>'s month that are not archived yet; returns
    /// the scopes rendered. The centre's and every team's pack take minutes in a large centre (or on a busy machine): the
    /// call waits for them, past the default 30 s response timeout.</summary>
    [ResponseTimeout("00:30:00")]
    Task<List<string>> RenderDue(DateTimeOffset now);
}

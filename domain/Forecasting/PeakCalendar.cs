namespace QmInsights.Domain.Forecasting;

/// <summary>The declared peaks that apply to one forecast (its queue and country), asked day by day.</summary>
public sealed class PeakCalendar
{
    private readonly Dictionary<DateOnly, PeakKind> days = new();

    public static PeakCalendar None { get; } = new([], null, null);

    /// <summary>The peaks of <paramref name="peaks"/> that apply to <paramref name="queue"/> and <paramref name="country"/>:
    /// those naming no queue or this one, and no country or this one.</summary>
    public PeakCalendar(IEnumerable<PeakPeriod> peaks, string? queue, string? country)
    {
        foreach (var peak in peaks)
        {
            if (peak.Queue is not null && queue is not null && peak.Queue != queue) continue;
            if (peak.Country is not null && country is not null && peak.Country != country) continue;
            for (var day = peak.From; day <= peak.To; day = day.AddDays(1))
                // A holiday is the stronger statement (the centre may be closed), so it wins over a campaign.
                days[day] = days.TryGetValue(day, out var kind) && kind == PeakKind.Holiday ? kind : peak.Kind;
        }
    }

    /// <summary>The peak on the centre's local <paramref name="day"/>, if any.</summary>
    public PeakKind? On(DateOnly day) => days.TryGetValue(day, out var kind) ? kind : null;
}

using Microsoft.Extensions.Configuration;

namespace QmInsights.Grains.Reports;

/// <summary>Training the next-peak outlook of a closed month ahead of its pack (<c>Reports:TrainAhead:*</c>).</summary>
/// <param name="Quiet">How long the month's data (contacts up to its end, declared peaks) must stay unchanged before the
/// outlook is trained: an import or late contacts still arriving would make it stale.</param>
/// <param name="CheckEvery">How often each silo looks whether new data arrived; zero turns training ahead off.</param>
public sealed record TrainAheadSettings(TimeSpan Quiet, TimeSpan CheckEvery)
{
    /// <summary>Ten minutes of quiet, looked for every thirty seconds.</summary>
    public static readonly TrainAheadSettings Default = new(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30));

    /// <summary>The settings from configuration; a wrong value stops the start with a message naming its key.</summary>
    public static TrainAheadSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Reports:TrainAhead");
        return new TrainAheadSettings(Span(section, "Quiet", Default.Quiet), Span(section, "CheckEvery", Default.CheckEvery));
    }

    private static TimeSpan Span(IConfigurationSection section, string key, TimeSpan fallback)
    {
        if (section[key] is not { Length: > 0 } text) return fallback;
        if (TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero && span <= TimeSpan.FromDays(1))
            return span;
        throw new InvalidOperationException($"{section.Path}:{key}: '{text}' must be a duration from 00:00:00 to 1.00:00:00 (hh:mm:ss)");
    }
}

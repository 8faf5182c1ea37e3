namespace QmInsights.Domain.Forecasting;

/// <summary>A declared peak: days (inclusive, in UTC) a planner knows to be unusual. The forecaster learns what past
/// declared peaks did to volume and handle time and applies it to the coming ones.</summary>
/// <param name="Id">Identifier chosen by the planner.</param>
/// <param name="Name">What it is ("Black Friday campaign", "Christmas Eve").</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day (inclusive).</param>
/// <param name="Kind">Campaign or public holiday.</param>
/// <param name="Country">ISO country of a holiday calendar; null applies everywhere.</param>
/// <param name="Queue">The one queue a campaign concerns; null applies to every queue.</param>
[GenerateSerializer, Alias("qm.PeakPeriod")]
public sealed record PeakPeriod(string Id, string Name, DateOnly From, DateOnly To, PeakKind Kind, string? Country, string? Queue)
{
    /// <summary>Problems with the declaration, each naming its field.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name)) problems.Add("name: must not be empty");
        if (To < From) problems.Add("to: must not be before from");
        else if (To.DayNumber - From.DayNumber > 92) problems.Add("to: a peak lasts at most 93 days");
        if (Country is { } c && !IsCountryCode(c)) problems.Add("country: must be a two-letter ISO code in capitals, e.g. NO");
        return problems;
    }

    /// <summary>A holiday calendar's country: two capital letters (ISO 3166-1 alpha-2).</summary>
    public static bool IsCountryCode(string text) => text.Length == 2 && text.All(char.IsAsciiLetterUpper);
}

using System.Globalization;
using QmInsights.Domain.Periods;

namespace QmInsights.Domain.Ingestion;

/// <summary>How one source's export maps onto the contract: which column (or template of columns) gives each contract
/// field, fixed values for fields the export lacks, value words, how its times and plain-number durations are written.
/// Stored with <c>PUT /api/import-profiles/{id}</c> and used as <c>?profile=</c> on the ingestion endpoints.</summary>
/// <param name="Name">What the profile is for, for people.</param>
/// <param name="Fields">Contract field to source column, or to a template naming columns in braces
/// (<c>"{date} {vru_entry}"</c>, <c>"{vru+line}-{call_id}"</c>).</param>
/// <param name="Constants">Contract field to a fixed value, for fields the export does not have (<c>channel: call</c>).</param>
/// <param name="Values">Per contract field, source word to contract word (<c>outcome: { "HANG": "abandoned" }</c>);
/// words not listed pass through unchanged (case-insensitive match); <c>""</c> gives the word for an empty or absent
/// value and <c>"*"</c> the word for any other value (<c>outcome: { "": "abandoned", "*": "handled" }</c> on an agent column).</param>
/// <param name="TimeFormat">.NET custom format of the export's times when they are not ISO 8601 (e.g. <c>yyMMdd H:mm:ss</c>).</param>
/// <param name="TimeZone">IANA zone of times written without an offset (e.g. <c>Asia/Jerusalem</c>); times with an offset keep it.</param>
/// <param name="DurationUnit">Unit of plain-number durations: <c>seconds</c> (default), <c>milliseconds</c>, <c>minutes</c> or <c>days</c>;
/// clock and ISO 8601 durations are read as such whatever the unit.</param>
[GenerateSerializer, Alias("qm.ImportProfile")]
public sealed record ImportProfile(
    string Name,
    Dictionary<string, string> Fields,
    Dictionary<string, string>? Constants = null,
    Dictionary<string, Dictionary<string, string>>? Values = null,
    string? TimeFormat = null,
    string? TimeZone = null,
    string? DurationUnit = null)
{
    /// <summary>The problems of the profile itself (unknown unit or zone, broken template), each naming its field.</summary>
    public List<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name)) problems.Add("name: is missing");
        if (Fields is null || Fields.Count == 0) problems.Add("fields: must map at least one contract field to a column");
        foreach (var (field, source) in Fields ?? [])
            if (string.IsNullOrWhiteSpace(source) || source.Count(c => c == '{') != source.Count(c => c == '}'))
                problems.Add($"fields.{field}: '{source}' is not a column name or a template of {{column}} names");
        if (DurationUnit is not null && SecondsPerUnit(DurationUnit) is null)
            problems.Add($"durationUnit: '{DurationUnit}' is not one of seconds, milliseconds, minutes, days");
        if (CentreCalendar.ProblemWith("timeZone", TimeZone) is { } zone) problems.Add(zone);
        if (TimeFormat is not null)
        {
            try { _ = DateTime.MinValue.ToString(TimeFormat, CultureInfo.InvariantCulture); }
            catch (FormatException) { problems.Add($"timeFormat: '{TimeFormat}' is not a .NET date-time format"); }
        }
        return problems;
    }

    /// <summary>Seconds in one <paramref name="unit"/>, or null for an unknown unit.</summary>
    public static double? SecondsPerUnit(string? unit) => unit?.ToLowerInvariant() switch
    {
        null or "seconds" or "s" => 1,
        "milliseconds" or "ms" => 0.001,
        "minutes" or "min" => 60,
        "days" or "d" => 86_400,
        _ => null,
    };
}

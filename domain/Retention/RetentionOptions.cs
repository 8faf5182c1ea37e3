namespace QmInsights.Domain.Retention;

/// <summary>The data-minimisation settings: how long raw facts are kept (<c>Retention:RawFactMonths</c>) and what
/// happens to evaluation comments (<c>Retention:Comments</c>).</summary>
public sealed record RetentionOptions(RetentionHorizon Horizon, CommentPolicy Comments)
{
    /// <summary>The DI key of the clock retention reads "now" from (tests make facts age with their own clock, without
    /// touching the clock Orleans itself runs on).</summary>
    public const string ClockKey = "retention";

    /// <summary>Facts kept for ever, comments redacted: the behaviour when nothing is configured.</summary>
    public static readonly RetentionOptions Default = new(new RetentionHorizon(null), CommentPolicy.RedactPatterns);

    /// <summary>From the two configuration values; throws with the key's name when one is invalid.</summary>
    public static RetentionOptions From(string? rawFactMonths, string? comments)
    {
        int? months = null;
        if (!string.IsNullOrWhiteSpace(rawFactMonths))
        {
            if (!int.TryParse(rawFactMonths, System.Globalization.CultureInfo.InvariantCulture, out var m) || m < 1)
                throw new FormatException($"Retention:RawFactMonths: '{rawFactMonths}' must be a whole number of months, at least 1");
            months = m;
        }
        return new RetentionOptions(new RetentionHorizon(months), CommentPolicies.Parse(comments));
    }
}

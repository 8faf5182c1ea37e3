using QmInsights.Domain.Joins;

namespace QmInsights.Domain.Retention;

/// <summary>How long raw facts are kept: <see cref="RawFactMonths"/> whole months back from today (UTC), or for ever
/// when null. Aggregates are kept for ever either way.</summary>
public sealed record RetentionHorizon(int? RawFactMonths)
{
    /// <summary>The first UTC day still kept, or null when facts are kept for ever.</summary>
    public DateOnly? Cutoff(DateTimeOffset now) =>
        RawFactMonths is { } months ? DateOnly.FromDateTime(now.UtcDateTime).AddMonths(-months) : null;

    /// <summary>Why a fact whose <paramref name="field"/> is <paramref name="time"/> may not be stored, or null.</summary>
    public string? Check(string field, DateTimeOffset time, DateTimeOffset now) =>
        Cutoff(now) is { } cutoff && JoinContribution.UtcDay(time) < cutoff
            ? $"{field}: older than the {RawFactMonths}-month retention horizon (facts before {cutoff:yyyy-MM-dd} are not kept)"
            : null;

    /// <summary>True when every fact of the row is dated before <paramref name="cutoff"/>: only whole rows are
    /// retired, so a contact stays joined to its survey and evaluations as long as any of them is kept.</summary>
    public static bool IsBefore(InteractionJoin row, DateOnly cutoff) =>
        Times(row).All(t => JoinContribution.UtcDay(t) < cutoff);

    /// <summary>True when every fact of the row is dated from <paramref name="earliest"/> to <paramref name="latest"/> (UTC days).</summary>
    public static bool Within(InteractionJoin row, DateOnly earliest, DateOnly latest) =>
        Times(row).All(t => JoinContribution.UtcDay(t) is var day && day >= earliest && day <= latest);

    private static IEnumerable<DateTimeOffset> Times(InteractionJoin row)
    {
        if (row.Interaction is { } i) yield return i.StartedAt;
        if (row.Survey is { } s) yield return s.AnsweredAt;
        foreach (var e in row.Evaluations.Concat(row.Replaced)) yield return e.Evaluation.EvaluatedAt;
    }
}

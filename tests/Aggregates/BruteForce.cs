using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;

namespace QmInsights.Tests.Aggregates;

/// <summary>Recomputes a summary's headline numbers straight from the facts, without the engine's tallies.</summary>
public sealed record BruteForce(long Evaluations, double? QaScore, double? AtTargetShare, long Unscored,
    long Calibrations, long Selfs, long Interactions, double? Aht, double? Fcr, long Surveys, double? Csat, double? Nps)
{
    /// <summary>The figures of the records the two predicates pick whose day (in <paramref name="zone"/>, UTC when not
    /// given, converted here with the BCL alone) lies in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static BruteForce Of(RandomFacts facts, ScorecardVersion version, Func<Interaction, bool> ownsInteraction,
        Func<Evaluation, Interaction?, bool> ownsEvaluation, DateOnly from, DateOnly to, TimeZoneInfo? zone = null)
    {
        bool InRange(DateTimeOffset t) =>
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(t.UtcDateTime, zone ?? TimeZoneInfo.Utc)) is var d && d >= from && d <= to;
        var interactions = facts.Interactions.ToDictionary(i => i.InteractionId);

        var handled = facts.Interactions.Where(i => ownsInteraction(i) && InRange(i.StartedAt)).ToList();
        var fcrKnown = handled.Where(i => i.ResolvedFirstContact is not null).ToList();
        var surveys = facts.Surveys.Where(s => ownsInteraction(interactions[s.InteractionId]) && InRange(s.AnsweredAt)).ToList();
        var csat = surveys.Where(s => s.Csat is not null).ToList();
        var nps = surveys.Where(s => s.Nps is not null).ToList();

        var evaluations = facts.FinalEvaluations()
            .Where(e => InRange(e.EvaluatedAt) && ownsEvaluation(e, interactions.GetValueOrDefault(e.InteractionId)))
            .Select(e => (e.Kind, Score: ScoreCalculator.Score(version, e.Answers).Percent))
            .ToList();
        var scored = evaluations.Where(e => e.Kind == EvaluationKind.Regular && e.Score is not null).Select(e => e.Score!.Value).ToList();

        return new BruteForce(
            scored.Count,
            scored.Count > 0 ? scored.Average() : null,
            scored.Count > 0 ? scored.Count(s => s >= version.Definition.TargetPercent) / (double)scored.Count : null,
            evaluations.Count(e => e.Kind == EvaluationKind.Regular && e.Score is null),
            evaluations.Count(e => e.Kind == EvaluationKind.Calibration),
            evaluations.Count(e => e.Kind == EvaluationKind.Self),
            handled.Count,
            handled.Count > 0 ? Math.Round(handled.Average(i => i.HandleSeconds), 1, MidpointRounding.AwayFromZero) : null,
            fcrKnown.Count > 0 ? fcrKnown.Count(i => i.ResolvedFirstContact == true) / (double)fcrKnown.Count : null,
            surveys.Count,
            csat.Count > 0 ? 100.0 * csat.Count(s => s.Csat >= 4) / csat.Count : null,
            nps.Count > 0 ? 100.0 * (nps.Count(s => s.Nps >= 9) - nps.Count(s => s.Nps <= 6)) / nps.Count : null);
    }

    /// <summary>Asserts that a summary's headline numbers equal this recomputation.</summary>
    public void AssertMatches(QualityFigures actual, string who)
    {
        // A tolerance, not rounding to digits: two sums differing in the last bit can round to different 9th digits.
        const double digits = 1e-9;
        Assert.True(Evaluations == actual.Evaluations, $"{who} evaluations {actual.Evaluations} != {Evaluations}");
        Assert.Equal(QaScore ?? -1, actual.QaScore ?? -1, digits);
        Assert.Equal(AtTargetShare ?? -1, actual.AtTargetShare ?? -1, digits);
        Assert.Equal(Unscored, actual.UnscoredEvaluations);
        Assert.Equal(Calibrations, actual.CalibrationEvaluations);
        Assert.Equal(Selfs, actual.SelfEvaluations);
        Assert.Equal(Interactions, actual.Interactions);
        // Reported to a tenth of a second: the two sums may differ in the last bit, so a mean on a .x5 boundary may round
        // either way; anything more than one step apart is wrong.
        Assert.True(Math.Abs((Aht ?? -1) - (actual.AhtSeconds ?? -1)) <= 0.1 + 1e-9, $"{who} AHT {actual.AhtSeconds} != {Aht}");
        Assert.Equal(Fcr ?? -1, actual.FcrRate ?? -1, digits);
        Assert.Equal(Surveys, actual.Surveys);
        Assert.Equal(Csat ?? -1, actual.Csat ?? -1, digits);
        Assert.Equal(Nps ?? -1, actual.Nps ?? -1, digits);
        Assert.Equal(actual.Evaluations >= 2, actual.QaScoreCi95 is not null);
    }
}

using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Periods;

namespace QmInsights.Domain.Joins;

/// <summary>What one interaction row adds to the aggregates. A change to the row is applied as
/// "take the old contribution out, put the new one in", which is how late interactions move an earlier
/// evaluation to the right team and channel, and how a revision replaces its predecessor.</summary>
public static class JoinContribution
{
    /// <summary>Adds <paramref name="sign"/> times the row's contribution to <paramref name="into"/>, each record on
    /// the centre's local day of its own time (<paramref name="calendar"/>, UTC when not given).</summary>
    public static void AddTo(InteractionJoin join, AggregateChanges into, int sign, CentreCalendar? calendar = null)
    {
        calendar ??= CentreCalendar.Utc;
        var interaction = join.Interaction;
        // An abandoned contact belongs to no agent and no team: it counts only in its queue's figures.
        var handledBy = interaction is { IsHandled: true } ? interaction : null;
        if (handledBy is { AgentId: { } agentId, TeamId: { } teamId })
        {
            var handled = new QualityTally { Interactions = 1 };
            handled.HandleSeconds.Add(handledBy.HandleSeconds, 1);
            if (handledBy.ResolvedFirstContact is { } resolved)
            {
                handled.FcrKnown = 1;
                handled.FcrResolved = resolved ? 1 : 0;
            }
            AddToAgentAndTeam(into, agentId, teamId, new TallyBucket(calendar.DayOf(handledBy.StartedAt), handledBy.Channel), handled, sign);

            // A survey only has an interaction id: it counts once we know whose contact it was.
            if (join.Survey is { } survey)
                AddToAgentAndTeam(into, agentId, teamId, new TallyBucket(calendar.DayOf(survey.AnsweredAt), handledBy.Channel), Of(survey), sign);
        }

        foreach (var scored in join.Evaluations) AddTo(scored, interaction, into, sign, calendar);
    }

    /// <summary>Adds <paramref name="sign"/> times one evaluation's part of its row's contribution: its agent at once, the
    /// team and channel of <paramref name="interaction"/> once that contact is known, and its items on its scorecard. A
    /// new or revised evaluation changes only this part of a row, so the ingest path moves just this.</summary>
    public static void AddTo(ScoredEvaluation scored, Interaction? interaction, AggregateChanges into, int sign, CentreCalendar? calendar = null)
    {
        calendar ??= CentreCalendar.Utc;
        var evaluation = scored.Evaluation;
        var day = calendar.DayOf(evaluation.EvaluatedAt);
        var bucket = new TallyBucket(day, interaction?.Channel);
        var tally = Of(scored);
        into.AddAgent(evaluation.AgentId, bucket, tally, sign);
        // The interaction's team decides; until it arrives (or when nobody handled it) the evaluation counts for its agent only.
        if (interaction is { IsHandled: true, TeamId: { } team }) into.AddTeam(team, bucket, tally, sign);
        if (evaluation.Kind == EvaluationKind.Regular)
            foreach (var answer in evaluation.Answers)
                into.AddItem(evaluation.ScorecardId,
                    new ItemBucket(scored.Score.ScorecardVersion, answer.ItemId, day), Of(answer.Answer), sign);
    }

    /// <summary>Everything <paramref name="rows"/> add to the aggregates, on top of what <paramref name="retired"/> rows
    /// left behind: how a grain rebuilds from stored facts (and re-buckets when the centre's time zone changed).</summary>
    public static AggregateChanges Of(IEnumerable<InteractionJoin> rows, AggregateChanges? retired = null, CentreCalendar? calendar = null)
    {
        var changes = new AggregateChanges();
        if (retired is not null) changes.Merge(retired);
        foreach (var row in rows) AddTo(row, changes, +1, calendar);
        changes.Prune();
        return changes;
    }

    public static DateOnly UtcDay(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    private static void AddToAgentAndTeam(AggregateChanges into, string agentId, string teamId, TallyBucket bucket,
        QualityTally tally, int sign)
    {
        into.AddAgent(agentId, bucket, tally, sign);
        into.AddTeam(teamId, bucket, tally, sign);
    }

    private static QualityTally Of(Survey survey)
    {
        var tally = new QualityTally { Surveys = 1 };
        if (survey.Csat is { } csat)
        {
            tally.Csat.Add(csat, 1);
            tally.CsatSatisfied = survey.Satisfied == true ? 1 : 0;
        }
        if (survey.Nps is not null)
        {
            tally.NpsResponses = 1;
            tally.NpsPromoters = survey.Promoter == true ? 1 : 0;
            tally.NpsDetractors = survey.Detractor == true ? 1 : 0;
        }
        return tally;
    }

    private static QualityTally Of(ScoredEvaluation scored)
    {
        var tally = new QualityTally();
        var score = scored.Score;
        switch (scored.Evaluation.Kind)
        {
            case EvaluationKind.Regular:
                Count(ref tally.Regular, ref tally.RegularUnscored, score.Percent);
                if (score.Percent is not null)
                {
                    tally.RegularTargetSum = score.TargetPercent;
                    tally.RegularAtTarget = score.AtTarget == true ? 1 : 0;
                }
                break;
            case EvaluationKind.Calibration:
                Count(ref tally.Calibration, ref tally.CalibrationUnscored, score.Percent);
                break;
            case EvaluationKind.Self:
                Count(ref tally.Self, ref tally.SelfUnscored, score.Percent);
                break;
        }
        return tally;
    }

    // An evaluation without a score (every item N/A) is counted, but apart from the scores.
    private static void Count(ref ScoreMoments scores, ref long unscored, double? percent)
    {
        if (percent is { } p) scores.Add(p, 1);
        else unscored = 1;
    }

    // One answer of each kind, shared: a tally map only reads what it adds (each evaluation adds a dozen answers).
    private static readonly ItemTally OneYes = new() { Yes = 1 }, OneNo = new() { No = 1 }, OneNotApplicable = new() { NotApplicable = 1 };

    private static ItemTally Of(ItemAnswer answer) => answer switch
    {
        ItemAnswer.Yes => OneYes,
        ItemAnswer.No => OneNo,
        _ => OneNotApplicable,
    };
}

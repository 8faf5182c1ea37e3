using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Joins;

/// <summary>The interaction rows of one shard: decides whether a fact is new, a duplicate, a revision or a conflict,
/// and records the aggregate changes the accepted ones cause.</summary>
public sealed class InteractionBook
{
    private readonly ShardRows _rows;

    /// <summary>A book over <paramref name="rows"/> whose changes fall on the days of the rows' calendar.</summary>
    public InteractionBook(ShardRows rows)
    {
        _rows = rows;
    }

    public InteractionJoin? Find(string interactionId) => _rows.Find(interactionId);

    public FactOutcome Apply(int position, Interaction interaction, AggregateChanges changes)
    {
        var row = RowFor(interaction.InteractionId);
        if (row.Interaction is { } accepted)
            return SameOrConflict(position, accepted, interaction, $"interaction '{interaction.InteractionId}'");
        return Change(position, interaction.InteractionId, row, changes, FactStatus.Accepted, r => r.Interaction = interaction);
    }

    public FactOutcome Apply(int position, Survey survey, AggregateChanges changes)
    {
        var row = RowFor(survey.InteractionId);
        if (row.Survey is { } accepted)
            return SameOrConflict(position, accepted, survey, $"survey of interaction '{survey.InteractionId}'");
        return Change(position, survey.InteractionId, row, changes, FactStatus.Accepted, r => r.Survey = survey);
    }

    public FactOutcome Apply(int position, ScoredEvaluation scored, AggregateChanges changes)
    {
        var evaluation = scored.Evaluation;
        var row = RowFor(evaluation.InteractionId);
        var index = row.Evaluations.FindIndex(e => e.Evaluation.EvaluationId == evaluation.EvaluationId);
        if (index < 0)
            return Change(position, evaluation.InteractionId, row, changes, FactStatus.Accepted, r => r.Evaluations.Add(scored));

        var current = row.Evaluations[index];
        var currentRevision = current.Evaluation.Revision;
        if (evaluation.Revision > currentRevision)
            return Change(position, evaluation.InteractionId, row, changes, FactStatus.Revised, r =>
            {
                r.Replaced.Add(current);
                r.Evaluations[index] = scored;
            });
        if (evaluation.Revision < currentRevision)
            return new FactOutcome(position, FactStatus.Superseded,
                $"revision: evaluation '{evaluation.EvaluationId}' is already at revision {currentRevision}; revision {evaluation.Revision} was not applied");
        return SameOrConflict(position, current.Evaluation, evaluation,
            $"evaluation '{evaluation.EvaluationId}' revision {currentRevision}",
            " (to revise it, send a higher revision)");
    }

    // A copy made from the compact rows: changes reach the shard only through Change, which stores the row back.
    private InteractionJoin RowFor(string interactionId) => _rows.Find(interactionId) ?? new InteractionJoin();

    private FactOutcome Change(int position, string interactionId, InteractionJoin row, AggregateChanges changes, FactStatus status,
        Action<InteractionJoin> change)
    {
        JoinContribution.AddTo(row, changes, -1, _rows.Calendar);
        change(row);
        JoinContribution.AddTo(row, changes, +1, _rows.Calendar);
        _rows.Put(interactionId, row);
        return new FactOutcome(position, status, null);
    }

    private static FactOutcome SameOrConflict<T>(int position, T accepted, T submitted, string what, string hint = "")
        where T : notnull
    {
        if (accepted.Equals(submitted)) return new FactOutcome(position, FactStatus.Duplicate, null);
        var fields = FieldDifference.Between(accepted, submitted);
        return new FactOutcome(position, FactStatus.Conflict,
            $"{string.Join(", ", fields)}: {what} was already accepted with a different value{hint}");
    }
}

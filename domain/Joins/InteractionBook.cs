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

    /// <summary>An evaluation changes only its own contribution (a revision takes out the one it replaces): the row's
    /// contact and survey count as before and stay as they are stored.</summary>
    public FactOutcome Apply(int position, ScoredEvaluation scored, AggregateChanges changes)
    {
        var evaluation = scored.Evaluation;
        var (contact, stored) = _rows.EvaluationsOf(evaluation.InteractionId);
        ScoredEvaluation[] current = stored?.Current ?? [], replaced = stored?.Replaced ?? [];
        var index = Array.FindIndex(current, e => e.Evaluation.EvaluationId == evaluation.EvaluationId);
        if (index < 0)
        {
            JoinContribution.AddTo(scored, contact, changes, +1, _rows.Calendar);
            _rows.PutEvaluations(evaluation.InteractionId, [.. current, scored], replaced);
            return new FactOutcome(position, FactStatus.Accepted, null);
        }

        var accepted = current[index];
        var acceptedRevision = accepted.Evaluation.Revision;
        if (evaluation.Revision > acceptedRevision)
        {
            JoinContribution.AddTo(accepted, contact, changes, -1, _rows.Calendar);
            JoinContribution.AddTo(scored, contact, changes, +1, _rows.Calendar);
            // The stored arrays are the shard's: the row gets new ones.
            var revised = (ScoredEvaluation[])current.Clone();
            revised[index] = scored;
            _rows.PutEvaluations(evaluation.InteractionId, revised, [.. replaced, accepted]);
            return new FactOutcome(position, FactStatus.Revised, null);
        }
        if (evaluation.Revision < acceptedRevision)
            return new FactOutcome(position, FactStatus.Superseded,
                $"revision: evaluation '{evaluation.EvaluationId}' is already at revision {acceptedRevision}; revision {evaluation.Revision} was not applied");
        return SameOrConflict(position, accepted.Evaluation, evaluation,
            $"evaluation '{evaluation.EvaluationId}' revision {acceptedRevision}",
            " (to revise it, send a higher revision)");
    }

    // A copy made from the compact rows: changes reach the shard only through Change, which stores the row back.
    private InteractionJoin RowFor(string interactionId) => _rows.Find(interactionId) ?? new InteractionJoin();

    // A contact or survey changes how every part of its row counts (an evaluation moves to the contact's team and
    // channel), so the whole row's contribution is taken out and put back in.
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

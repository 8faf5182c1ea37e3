using Microsoft.Extensions.Logging;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Analytics;
using QmInsights.Domain.Cadence;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Forecasting;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Periods;
using QmInsights.Domain.Queues;
using QmInsights.Domain.Retention;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;

namespace QmInsights.Grains.Grains;

public sealed class InteractionShardGrain(
    [PersistentState("shard", StorageNames.Derived)] IPersistentState<ShardState> state,
    IFactStore facts,
    ILogger<InteractionShardGrain> logger) : DerivedStateGrain(facts, logger), IInteractionShardGrain
{
    // State is loaded at activation, after construction: the book is a view over whatever it holds now.
    private InteractionBook Book => new(state.State.Rows, Calendar);

    // What caches of figures derived from the rows compare: this activation, and when each day's contacts last changed.
    private readonly Guid _activation = Guid.NewGuid();
    private readonly DayVersions _days = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Facts.IsDurable) state.State.Rows = (await Facts.LoadShard((int)this.GetPrimaryKeyLong())).Rows;
        await base.OnActivateAsync(cancellationToken);
    }

    async Task<ShardResult> IInteractionShardGrain.Apply(FactBatch batch)
    {
        var book = Book;
        var changes = new AggregateChanges();
        var outcomes = new List<FactOutcome>(batch.Interactions.Count + batch.Surveys.Count + batch.Evaluations.Count);
        // Interactions first: a survey or evaluation in the same batch then lands on its team and channel at once.
        foreach (var (position, interaction) in batch.Interactions) outcomes.Add(book.Apply(position, interaction, changes));
        foreach (var (position, survey) in batch.Surveys) outcomes.Add(book.Apply(position, survey, changes));
        foreach (var (position, evaluation) in batch.Evaluations) outcomes.Add(book.Apply(position, evaluation, changes));
        changes.Prune();

        var accepted = outcomes.Where(o => o.Status is FactStatus.Accepted or FactStatus.Revised).Select(o => o.Position).ToHashSet();
        if (accepted.Count == 0) return new ShardResult(outcomes, changes, null);
        Changed(state);
        MarkDays(batch, accepted, book);
        try
        {
            // Durable before the caller can acknowledge anything.
            var batchId = await Facts.Commit((int)this.GetPrimaryKeyLong(), new ShardCommit(
                batch.Interactions.Where(p => accepted.Contains(p.Position)).Select(p => p.Fact).ToList(),
                batch.Surveys.Where(p => accepted.Contains(p.Position)).Select(p => p.Fact).ToList(),
                batch.Evaluations.Where(p => accepted.Contains(p.Position)).Select(p => p.Fact).ToList(),
                changes.Agents.Keys, changes.Teams.Keys, changes.Scorecards.Keys));
            return new ShardResult(outcomes, changes, batchId);
        }
        catch
        {
            // The rows now hold facts the store does not: start again from the store.
            DeactivateOnIdle();
            throw;
        }
    }

    async Task IInteractionShardGrain.Reload()
    {
        if (Facts.IsDurable) state.State.Rows = (await Facts.LoadShard((int)this.GetPrimaryKeyLong())).Rows;
        _days.ChangedAll();
    }

    Task<ShardVersion> IInteractionShardGrain.GetVersion(DateOnly through) => Task.FromResult(new ShardVersion(_activation, _days.Through(through, Calendar)));

    // A survey or evaluation changes its contact's day (its own when the contact has not arrived yet).
    private void MarkDays(FactBatch batch, HashSet<int> accepted, InteractionBook book)
    {
        foreach (var (position, i) in batch.Interactions) if (accepted.Contains(position)) _days.Changed(i.StartedAt);
        foreach (var (position, s) in batch.Surveys)
            if (accepted.Contains(position)) _days.Changed(book.Find(s.InteractionId)?.Interaction?.StartedAt ?? s.AnsweredAt);
        foreach (var (position, e) in batch.Evaluations)
            if (accepted.Contains(position)) _days.Changed(book.Find(e.Evaluation.InteractionId)?.Interaction?.StartedAt ?? e.Evaluation.EvaluatedAt);
    }

    Task<FactCounts> IInteractionShardGrain.Retire(DateOnly cutoff) =>
        Take(Retirement.Of(state.State.Rows, row => RetentionHorizon.IsBefore(row, cutoff), calendar: Calendar));

    Task<FactCounts> IInteractionShardGrain.Erase(string agentId) =>
        Take(Retirement.Of(state.State.Rows, row => AgentErasure.Concerns(row, agentId), forget: agentId, calendar: Calendar));

    async Task<Discarded> IInteractionShardGrain.DiscardOutside(DateOnly earliest, DateOnly latest)
    {
        var discard = Retirement.Discard(state.State.Rows, row => !RetentionHorizon.Within(row, earliest, latest), Calendar);
        return new Discarded(await Take(discard), discard.Removed);
    }

    // The shard is the only writer of its rows, so nothing can join a row between choosing it and deleting it.
    private async Task<FactCounts> Take(Retirement retirement)
    {
        if (retirement.IsEmpty) return default;
        await Facts.Retire((int)this.GetPrimaryKeyLong(), retirement);
        foreach (var id in retirement.InteractionIds) state.State.Rows.Remove(id);
        Changed(state);
        _days.ChangedAll();
        return retirement.Deleted;
    }

    Task<List<EvaluatedContact>> IInteractionShardGrain.GetEvaluatedContacts(DateOnly? from, DateOnly? to, string? teamId,
        Channel? channel, string? queue)
    {
        var contacts = new List<EvaluatedContact>();
        foreach (var row in state.State.Rows.Values)
        {
            if (row.Interaction is not { IsHandled: true } i || row.Evaluations.Count == 0) continue;
            var day = Calendar.DayOf(i.StartedAt);
            if (from is { } f && day < f || to is { } t && day > t) continue;
            if (teamId is not null && i.TeamId != teamId || channel is not null && i.Channel != channel || queue is not null && i.Queue != queue) continue;
            foreach (var scored in row.Evaluations.Where(e => e.Evaluation.Kind == EvaluationKind.Regular))
                contacts.Add(EvaluatedContact.Of(i, row.Survey, scored.Evaluation, scored.Score));
        }
        return Task.FromResult(contacts);
    }

    Task<List<SamplingCandidate>> IInteractionShardGrain.GetUnevaluated(DateOnly from, DateOnly to, string? teamId) =>
        Task.FromResult(state.State.Rows.Values
            .Where(row => row.Interaction is { IsHandled: true } i && (teamId is null || i.TeamId == teamId)
                          && Calendar.DayOf(i.StartedAt) is var day && day >= from && day <= to
                          && row.Evaluations.All(e => e.Evaluation.Kind != EvaluationKind.Regular))
            .Select(row => row.Interaction!) // handled, so agent and team are known
            .Select(i => new SamplingCandidate(i.InteractionId, i.AgentId!, i.TeamId!, i.Channel, i.Queue, i.StartedAt, i.HandleSeconds,
                state.State.Rows[i.InteractionId].Survey?.Csat))
            .ToList());

    Task<List<AgentEvaluation>> IInteractionShardGrain.GetEvaluationsOf(string agentId) =>
        Task.FromResult(state.State.Rows.Values
            .SelectMany(row => row.Evaluations.Where(e => e.Evaluation.AgentId == agentId).Select(current => new AgentEvaluation(current,
                row.Replaced.Where(r => r.Evaluation.EvaluationId == current.Evaluation.EvaluationId)
                    .OrderBy(r => r.Evaluation.Revision).ToList(),
                row.Interaction?.Channel, row.Interaction?.StartedAt)))
            .ToList());

    Task<List<IntervalTally>> IInteractionShardGrain.GetIntervalTallies(string? queue, Channel? channel, DateTime from, DateTime to,
        IntervalLength length) =>
        Task.FromResult(IntervalTallies.Of(state.State.Rows.Values.Select(r => r.Interaction).OfType<Interaction>(), queue, channel, from, to, length));

    Task<Dictionary<(string Queue, DateTimeOffset Start), QueueTally>> IInteractionShardGrain.GetQueueTallies(string? queue,
        DateOnly from, DateOnly to, bool hourly, QueueThresholds thresholds) =>
        Task.FromResult(QueueIntervals.Of(state.State.Rows.Values.Select(r => r.Interaction).OfType<Interaction>(), queue, from, to,
            hourly, thresholds, Calendar));

    Task<InteractionJoin?> IInteractionShardGrain.GetInteraction(string interactionId) =>
        Task.FromResult(Book.Find(interactionId));
}

[GenerateSerializer, Alias("qm.ShardState")]
public sealed class ShardState
{
    [Id(0)] public Dictionary<string, InteractionJoin> Rows { get; set; } = new();
}

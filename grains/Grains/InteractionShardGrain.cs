using Microsoft.Extensions.Logging;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Analytics;
using QmInsights.Domain.Cadence;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Forecasting;
using QmInsights.Domain.Joins;
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
    private ShardRows Rows => state.State.Rows;

    // State is loaded at activation, after construction: the book is a view over whatever it holds now.
    private InteractionBook Book => new(Rows);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Facts.IsDurable) await Load();
        else Rows.Calendar = Calendar;
        await base.OnActivateAsync(cancellationToken);
    }

    private async Task Load() =>
        state.State.Rows = ShardRows.Of((await Facts.LoadShard((int)this.GetPrimaryKeyLong())).Rows, Calendar);

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
        if (Facts.IsDurable) await Load();
    }

    Task<FactCounts> IInteractionShardGrain.Retire(DateOnly cutoff) =>
        Take(Retirement.Of(Rows.All(), row => RetentionHorizon.IsBefore(row, cutoff), calendar: Calendar));

    Task<FactCounts> IInteractionShardGrain.Erase(string agentId) =>
        Take(Retirement.Of(Rows.All(), row => AgentErasure.Concerns(row, agentId), forget: agentId, calendar: Calendar));

    async Task<Discarded> IInteractionShardGrain.DiscardOutside(DateOnly earliest, DateOnly latest)
    {
        var discard = Retirement.Discard(Rows.All(), row => !RetentionHorizon.Within(row, earliest, latest), Calendar);
        return new Discarded(await Take(discard), discard.Removed);
    }

    // The shard is the only writer of its rows, so nothing can join a row between choosing it and deleting it.
    private async Task<FactCounts> Take(Retirement retirement)
    {
        if (retirement.IsEmpty) return default;
        await Facts.Retire((int)this.GetPrimaryKeyLong(), retirement);
        foreach (var id in retirement.InteractionIds) Rows.Remove(id);
        Changed(state);
        return retirement.Deleted;
    }

    Task<List<EvaluatedContact>> IInteractionShardGrain.GetEvaluatedContacts(DateOnly? from, DateOnly? to, string? teamId,
        Channel? channel, string? queue)
    {
        var contacts = new List<EvaluatedContact>();
        foreach (var row in Rows.Contacts(from, to, evaluatedOnly: true))
        {
            if (row.Interaction is not { IsHandled: true } i) continue;
            if (teamId is not null && i.TeamId != teamId || channel is not null && i.Channel != channel || queue is not null && i.Queue != queue) continue;
            foreach (var scored in row.Evaluations.Where(e => e.Evaluation.Kind == EvaluationKind.Regular))
                contacts.Add(EvaluatedContact.Of(i, row.Survey, scored.Evaluation, scored.Score));
        }
        return Task.FromResult(contacts);
    }

    Task<List<SamplingCandidate>> IInteractionShardGrain.GetUnevaluated(DateOnly from, DateOnly to, string? teamId) =>
        Task.FromResult(Rows.Contacts(from, to)
            .Where(row => row.Interaction is { IsHandled: true } i && (teamId is null || i.TeamId == teamId)
                          && row.Evaluations.All(e => e.Evaluation.Kind != EvaluationKind.Regular))
            .Select(row => (Contact: row.Interaction!, row.Survey)) // handled, so agent and team are known
            .Select(r => new SamplingCandidate(r.Contact.InteractionId, r.Contact.AgentId!, r.Contact.TeamId!, r.Contact.Channel,
                r.Contact.Queue, r.Contact.StartedAt, r.Contact.HandleSeconds, r.Survey?.Csat))
            .ToList());

    Task<List<AgentEvaluation>> IInteractionShardGrain.GetEvaluationsOf(string agentId) =>
        Task.FromResult(Rows.Evaluated()
            .SelectMany(row => row.Evaluations.Where(e => e.Evaluation.AgentId == agentId).Select(current => new AgentEvaluation(current,
                row.Replaced.Where(r => r.Evaluation.EvaluationId == current.Evaluation.EvaluationId)
                    .OrderBy(r => r.Evaluation.Revision).ToList(),
                row.Interaction?.Channel, row.Interaction?.StartedAt)))
            .ToList());

    // The index is by local day; a day either side covers every offset, and IntervalTallies keeps the exact instants.
    Task<List<IntervalTally>> IInteractionShardGrain.GetIntervalTallies(string? queue, Channel? channel, DateTime from, DateTime to,
        IntervalLength length) =>
        Task.FromResult(IntervalTallies.Of(Rows.Interactions(DayAround(from, -1), DayAround(to, +1)), queue, channel, from, to, length));

    Task<Dictionary<(string Queue, DateTimeOffset Start), QueueTally>> IInteractionShardGrain.GetQueueTallies(string? queue,
        DateOnly from, DateOnly to, bool hourly, QueueThresholds thresholds) =>
        Task.FromResult(QueueIntervals.Of(Rows.Interactions(from, to), queue, from, to, hourly, thresholds, Calendar));

    Task<InteractionJoin?> IInteractionShardGrain.GetInteraction(string interactionId) =>
        Task.FromResult(Book.Find(interactionId));

    // The local day of a UTC bound moved by one day, or open (null) when the bound is the start or end of time.
    private DateOnly? DayAround(DateTime utc, int days) =>
        utc.Ticks < TimeSpan.TicksPerDay * 2 || utc.Ticks > DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay * 2
            ? null
            : Calendar.DayOf(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), TimeSpan.Zero)).AddDays(days);
}

[GenerateSerializer, Alias("qm.ShardState")]
public sealed class ShardState
{
    [Id(0)] public ShardRows Rows { get; set; } = new();
}

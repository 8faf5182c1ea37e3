using Microsoft.Extensions.DependencyInjection;
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

// Never collected when idle: the rows are the engine's working set (every fact in process, the hot window in the durable
// modes), a new activation would load or read them back for nothing, and its new data versions would make every kept
// outlook train again.
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class InteractionShardGrain(
    [PersistentState("shard", StorageNames.Derived)] IPersistentState<ShardState> state,
    IFactStore facts,
    ILogger<InteractionShardGrain> logger) : DerivedStateGrain(facts, logger), IInteractionShardGrain
{
    // Durable modes: contacts started before this stay in the fact store (null: every row is resident, as in memory mode
    // or when the store held no older contact at activation).
    private DateTimeOffset? _hotSince;

    private ShardRows Rows => state.State.Rows;

    private int Shard => (int)this.GetPrimaryKeyLong();

    // State is loaded at activation, after construction: the book is a view over whatever it holds now.
    private InteractionBook Book => new(Rows);

    // What caches of figures derived from the rows compare: this activation, and when each day's contacts last changed.
    private readonly Guid _activation = Guid.NewGuid();
    private readonly DayVersions _days = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Facts.IsDurable) await Load();
        else Rows.Calendar = Calendar;
        await base.OnActivateAsync(cancellationToken);
    }

    // Only the hot window (Storage:HotMonths) is loaded; older rows are read when a request needs them.
    private async Task Load()
    {
        var window = ServiceProvider.GetService<HotWindow>() ?? HotWindow.Default;
        var clock = ServiceProvider.GetKeyedService<TimeProvider>(RetentionOptions.ClockKey) ?? TimeProvider.System;
        var since = window.Since(clock.GetUtcNow());
        state.State.Rows = ShardRows.Of((await Facts.LoadShard(Shard, new ShardSlice(Since: since))).Rows, Calendar);
        // No older contact in the store: every row of the shard is resident (this grain is its only writer, so rows
        // added later are resident too), and ingestion and reads skip their look-ups in the store.
        _hotSince = await Facts.HoldsContactsBefore(Shard, since) ? since : null;
    }

    // A survey or evaluation of an old contact, or a contact id sent again (whatever start it claims now), joins a row
    // that may be in the store only: that row becomes resident before the facts are judged against it.
    private async Task Warm(FactBatch batch)
    {
        if (_hotSince is null) return;
        var ids = batch.Interactions.Select(p => p.Fact.InteractionId)
            .Concat(batch.Surveys.Select(p => p.Fact.InteractionId))
            .Concat(batch.Evaluations.Select(p => p.Fact.Evaluation.InteractionId))
            .Where(id => !Rows.Contains(id)).ToHashSet(StringComparer.Ordinal);
        if (ids.Count == 0) return;
        foreach (var (id, row) in (await Facts.LoadShard(Shard, new ShardSlice(InteractionIds: ids))).Rows) Rows.Put(id, row);
    }

    // The rows outside the hot window that a request for contacts started in [since, before) needs, read from the store
    // for this request only (rows made resident by Warm are left out: they are answered from memory).
    private async Task<ShardRows?> Cold(DateTimeOffset? since, DateTimeOffset? before = null, string? agentId = null)
    {
        if (_hotSince is not { } hot || since >= hot) return null;
        var end = before is { } b && b < hot ? b : hot;
        var stored = await Facts.LoadShard(Shard, new ShardSlice(since, end, AgentId: agentId));
        return ShardRows.Of(stored.Rows.Where(r => !Rows.Contains(r.Key)), Calendar);
    }

    // The first instant of local day from, and the first after local day to: the contact times a day range covers.
    private DateTimeOffset? StartOf(DateOnly? day) => day is { } d ? Calendar.StartOf(d) : null;
    private DateTimeOffset? EndOf(DateOnly? day) => day is { } d ? Calendar.StartOf(d.AddDays(1)) : null;

    // Resident rows first, then the cold ones of the same request.
    private static IEnumerable<ShardRows> Both(ShardRows resident, ShardRows? cold) => cold is null ? [resident] : [resident, cold];

    async Task<ShardResult> IInteractionShardGrain.Apply(FactBatch batch)
    {
        await Warm(batch);
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
        MarkDays(batch, accepted);
        try
        {
            // Durable before the caller can acknowledge anything.
            var batchId = await Facts.Commit(Shard, new ShardCommit(
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
        _days.ChangedAll();
    }

    Task<ShardVersion> IInteractionShardGrain.GetVersion(DateOnly through) => Task.FromResult(new ShardVersion(_activation, _days.Through(through, Calendar)));

    Task<DateOnly?> IInteractionShardGrain.GetLatestDay() => Task.FromResult(Rows.LastDay);

    // A survey or evaluation changes its contact's day (its own when the contact has not arrived yet).
    private void MarkDays(FactBatch batch, HashSet<int> accepted)
    {
        foreach (var (position, i) in batch.Interactions) if (accepted.Contains(position)) _days.Changed(i.StartedAt);
        foreach (var (position, s) in batch.Surveys)
            if (accepted.Contains(position)) _days.Changed(Rows.StartedAtUtc(s.InteractionId) ?? s.AnsweredAt);
        foreach (var (position, e) in batch.Evaluations)
            if (accepted.Contains(position)) _days.Changed(Rows.StartedAtUtc(e.Evaluation.InteractionId) ?? e.Evaluation.EvaluatedAt);
    }

    // Retirement, erasure and repair cover the rows in the store too: the cold ones are read for the occasion.
    async Task<FactCounts> IInteractionShardGrain.Retire(DateOnly cutoff) =>
        await Take(Retirement.Of(await Everything(new DateTimeOffset(cutoff.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
            row => RetentionHorizon.IsBefore(row, cutoff), calendar: Calendar));

    async Task<FactCounts> IInteractionShardGrain.Erase(string agentId) =>
        await Take(Retirement.Of(await Everything(agentId: agentId), row => AgentErasure.Concerns(row, agentId), forget: agentId, calendar: Calendar));

    async Task<Discarded> IInteractionShardGrain.DiscardOutside(DateOnly earliest, DateOnly latest)
    {
        var discard = Retirement.Discard(await Everything(), row => !RetentionHorizon.Within(row, earliest, latest), Calendar);
        return new Discarded(await Take(discard), discard.Removed);
    }

    // Every resident row, and the cold rows whose contact started before (and that concern agentId, when given).
    private async Task<IEnumerable<KeyValuePair<string, InteractionJoin>>> Everything(DateTimeOffset? before = null, string? agentId = null)
    {
        var cold = await Cold(null, before, agentId);
        return cold is null ? Rows.All() : Rows.All().Concat(cold.All());
    }

    // The shard is the only writer of its rows, so nothing can join a row between choosing it and deleting it.
    private async Task<FactCounts> Take(Retirement retirement)
    {
        if (retirement.IsEmpty) return default;
        await Facts.Retire(Shard, retirement);
        foreach (var id in retirement.InteractionIds) Rows.Remove(id);
        Changed(state);
        _days.ChangedAll();
        return retirement.Deleted;
    }

    async Task<List<EvaluatedContact>> IInteractionShardGrain.GetEvaluatedContacts(DateOnly? from, DateOnly? to, string? teamId,
        Channel? channel, string? queue)
    {
        var contacts = new List<EvaluatedContact>();
        foreach (var rows in Both(Rows, await Cold(StartOf(from), EndOf(to))))
            foreach (var row in rows.Contacts(from, to, evaluatedOnly: true))
            {
                if (row.Interaction is not { IsHandled: true } i) continue;
                if (teamId is not null && i.TeamId != teamId || channel is not null && i.Channel != channel || queue is not null && i.Queue != queue) continue;
                foreach (var scored in row.Evaluations.Where(e => e.Evaluation.Kind == EvaluationKind.Regular))
                    contacts.Add(EvaluatedContact.Of(i, row.Survey, scored.Evaluation, scored.Score));
            }
        return contacts;
    }

    async Task<List<SamplingCandidate>> IInteractionShardGrain.GetUnevaluated(DateOnly from, DateOnly to, string? teamId) =>
        Both(Rows, await Cold(StartOf(from), EndOf(to))).SelectMany(rows => rows.Contacts(from, to))
            .Where(row => row.Interaction is { IsHandled: true } i && (teamId is null || i.TeamId == teamId)
                          && row.Evaluations.All(e => e.Evaluation.Kind != EvaluationKind.Regular))
            .Select(row => (Contact: row.Interaction!, row.Survey)) // handled, so agent and team are known
            .Select(r => new SamplingCandidate(r.Contact.InteractionId, r.Contact.AgentId!, r.Contact.TeamId!, r.Contact.Channel,
                r.Contact.Queue, r.Contact.StartedAt, r.Contact.HandleSeconds, r.Survey?.Csat))
            .ToList();

    async Task<List<AgentEvaluation>> IInteractionShardGrain.GetEvaluationsOf(string agentId) =>
        Both(Rows, await Cold(null, agentId: agentId)).SelectMany(rows => rows.Evaluated())
            .SelectMany(row => row.Evaluations.Where(e => e.Evaluation.AgentId == agentId).Select(current => new AgentEvaluation(current,
                row.Replaced.Where(r => r.Evaluation.EvaluationId == current.Evaluation.EvaluationId)
                    .OrderBy(r => r.Evaluation.Revision).ToList(),
                row.Interaction?.Channel, row.Interaction?.StartedAt)))
            .ToList();

    // The index is by local day; a day either side covers every offset, and IntervalTallies keeps the exact instants.
    async Task<List<IntervalTally>> IInteractionShardGrain.GetIntervalTallies(string? queue, Channel? channel, DateTime from, DateTime to,
        IntervalLength length)
    {
        var (first, last) = (DayAround(from, -1), DayAround(to, +1));
        var rows = Both(Rows, await Cold(StartOf(first), EndOf(last)));
        return IntervalTallies.Of(rows.SelectMany(r => r.Interactions(first, last)), queue, channel, from, to, length);
    }

    async Task<Dictionary<(string Queue, DateTimeOffset Start), QueueTally>> IInteractionShardGrain.GetQueueTallies(string? queue,
        DateOnly from, DateOnly to, bool hourly, QueueThresholds thresholds) =>
        QueueIntervals.Of(Both(Rows, await Cold(StartOf(from), EndOf(to))).SelectMany(r => r.Interactions(from, to)), queue, from, to,
            hourly, thresholds, Calendar);

    async Task<InteractionJoin?> IInteractionShardGrain.GetInteraction(string interactionId)
    {
        var resident = Rows.Find(interactionId);
        if (resident is not null || _hotSince is null) return resident;
        var stored = await Facts.LoadShard(Shard, new ShardSlice(InteractionIds: [interactionId]));
        return stored.Rows.GetValueOrDefault(interactionId);
    }

    Task<int> IInteractionShardGrain.GetResidentCount() => Task.FromResult(Rows.Count);

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

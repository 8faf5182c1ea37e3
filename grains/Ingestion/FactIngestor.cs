using Microsoft.Extensions.DependencyInjection;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Ingestion;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Retention;
using QmInsights.Domain.Live;
using QmInsights.Domain.Scorecards;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;
using QmInsights.Grains.Storage;

namespace QmInsights.Grains.Ingestion;

/// <summary>Takes a chunk of validated facts through the cluster: score evaluations with their scorecard version,
/// let each interaction shard judge and join its facts, then send every touched agent, team and scorecard one
/// pre-aggregated change per shard batch. It returns only when the aggregates hold the chunk, so a query right after
/// sees it. With a durable store the shards commit the facts first; if the changes then fail to arrive, the batch stays
/// pending and <see cref="OutboxRecovery"/> makes the aggregates rebuild.</summary>
/// <remarks>Before anything is stored, facts dated outside the plausible window (<see cref="TimestampWindow"/>) or older
/// than the retention horizon or about an erased agent are rejected, and evaluation comments go through the comment
/// policy (<see cref="RetentionOptions"/>).</remarks>
public sealed class FactIngestor(IGrainFactory grains, IFactStore store, RetentionOptions? retention = null,
    [FromKeyedServices(RetentionOptions.ClockKey)] TimeProvider? clock = null, TimestampWindow? window = null)
{
    private readonly RetentionOptions _retention = retention ?? RetentionOptions.Default;
    private readonly TimestampWindow _window = window ?? TimestampWindow.Default;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<BatchReport> Ingest(IReadOnlyList<Positioned<Interaction>> interactions)
    {
        var report = new BatchReport();
        var admitted = await Admit(interactions, report, i => i.InteractionId, i => i.AgentId, i => ("startedAt", i.StartedAt));
        report.Add(await Route(admitted, i => i.InteractionId, (b, p) => b.Interactions.Add(p), i => i.InteractionId));
        return report;
    }

    public async Task<BatchReport> Ingest(IReadOnlyList<Positioned<Survey>> surveys)
    {
        var report = new BatchReport();
        var admitted = await Admit(surveys, report, s => s.InteractionId, _ => null, s => ("answeredAt", s.AnsweredAt));
        report.Add(await Route(admitted, s => s.InteractionId, (b, p) => b.Surveys.Add(p), s => s.InteractionId));
        return report;
    }

    public async Task<BatchReport> Ingest(IReadOnlyList<Positioned<Evaluation>> evaluations)
    {
        var report = new BatchReport();
        evaluations = FilterComments(await Admit(evaluations, report, e => e.EvaluationId, e => e.AgentId, e => ("evaluatedAt", e.EvaluatedAt)), report);
        var histories = await LoadHistories(evaluations.Select(e => e.Fact.ScorecardId));

        var scored = new List<Positioned<ScoredEvaluation>>(evaluations.Count);
        foreach (var (position, evaluation) in evaluations)
        {
            var history = histories[evaluation.ScorecardId];
            var (version, error) = history.Resolve(evaluation.ScorecardId, evaluation.ScorecardVersion, evaluation.EvaluatedAt);
            error ??= version is null ? null : history.Check(version, evaluation.Answers);
            if (error is not null || version is null)
            {
                report.Reject(position, evaluation.EvaluationId, error ?? "scorecardId: unknown scorecard");
                continue;
            }
            scored.Add(new(position, new ScoredEvaluation(evaluation, ScoreCalculator.Score(version, evaluation.Answers))));
        }

        var conflicts = await BindEvaluationIds(scored);
        if (conflicts.Count > 0)
        {
            var ids = evaluations.ToDictionary(e => e.Position, e => e.Fact.EvaluationId);
            foreach (var conflict in conflicts.Values) report.Count(conflict, ids[conflict.Position]);
        }
        var bound = scored.Where(s => !conflicts.ContainsKey(s.Position)).ToList();

        report.Add(await Route(bound, s => s.Evaluation.InteractionId, (b, p) => b.Evaluations.Add(p),
            s => s.Evaluation.EvaluationId));
        return report;
    }

    /// <summary>The records that may be stored: dated inside the plausible window, not older than the retention horizon,
    /// not about an erased agent.</summary>
    private async Task<IReadOnlyList<Positioned<T>>> Admit<T>(IReadOnlyList<Positioned<T>> records, BatchReport report,
        Func<T, string> idOf, Func<T, string?> agentOf, Func<T, (string Field, DateTimeOffset Time)> timeOf)
    {
        var now = _clock.GetUtcNow();
        // Only the agents this chunk names are asked about, and surveys (which name none) ask nothing.
        var agentIds = records.Select(r => agentOf(r.Fact)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var erased = agentIds.Count == 0 ? [] : await grains.GetGrain<IErasureRegistryGrain>("erasures").Among(agentIds);
        var admitted = new List<Positioned<T>>(records.Count);
        foreach (var record in records)
        {
            var (field, time) = timeOf(record.Fact);
            // The window is about the real calendar (the retention clock is one tests move to make facts age).
            var reason = _window.Check(field, time, DateTimeOffset.UtcNow) ?? _retention.Horizon.Check(field, time, now)
                         ?? (agentOf(record.Fact) is { } agent && erased.TryGetValue(agent, out var erasure) ? erasure.Reason("agentId") : null);
            if (reason is null) admitted.Add(record);
            else report.Reject(record.Position, idOf(record.Fact), reason);
        }
        return admitted;
    }

    private List<Positioned<Evaluation>> FilterComments(IReadOnlyList<Positioned<Evaluation>> evaluations, BatchReport report)
    {
        var filtered = new List<Positioned<Evaluation>>(evaluations.Count);
        foreach (var (position, evaluation) in evaluations)
        {
            var (stored, removed) = CommentFilter.Apply(evaluation, _retention.Comments);
            if (removed.Count > 0) report.Redacted.Add(new RedactedRecord(position, evaluation.EvaluationId, "comment", removed));
            filtered.Add(new Positioned<Evaluation>(position, stored));
        }
        return filtered;
    }

    private async Task<Dictionary<string, ScorecardHistory>> LoadHistories(IEnumerable<string> scorecardIds)
    {
        var ids = scorecardIds.Distinct(StringComparer.Ordinal).ToList();
        var versions = await Task.WhenAll(ids.Select(id => grains.GetGrain<IScorecardGrain>(id).GetVersions()));
        return ids.Zip(versions).ToDictionary(p => p.First, p => new ScorecardHistory(p.Second), StringComparer.Ordinal);
    }

    private async Task<Dictionary<int, FactOutcome>> BindEvaluationIds(List<Positioned<ScoredEvaluation>> scored)
    {
        var byShard = scored
            .GroupBy(s => Shards.Of(s.Fact.Evaluation.EvaluationId))
            .Select(g => grains.GetGrain<IEvaluationIndexGrain>(g.Key).Bind(g
                .Select(s => new EvaluationBinding(s.Position, s.Fact.Evaluation.EvaluationId, s.Fact.Evaluation.InteractionId))
                .ToList()));
        var results = await Task.WhenAll(byShard);
        return results.SelectMany(r => r).ToDictionary(o => o.Position);
    }

    private async Task<BatchReport> Route<T>(IReadOnlyList<Positioned<T>> records, Func<T, string> interactionIdOf,
        Action<FactBatch, Positioned<T>> addTo, Func<T, string> idOf)
    {
        var batches = new Dictionary<int, FactBatch>();
        foreach (var fact in records)
        {
            var shard = Shards.Of(interactionIdOf(fact.Fact));
            if (!batches.TryGetValue(shard, out var batch)) batches[shard] = batch = new FactBatch();
            addTo(batch, fact);
        }

        var results = await Task.WhenAll(batches.Select(b => grains.GetGrain<IInteractionShardGrain>(b.Key).Apply(b.Value)));

        await ApplyChanges(results);
        var committed = results.Where(r => r.BatchId is not null).Select(r => r.BatchId!.Value).ToList();
        if (committed.Count > 0) await store.MarkApplied(committed);

        var ids = records.ToDictionary(f => f.Position, f => idOf(f.Fact));
        var report = new BatchReport();
        foreach (var outcome in results.SelectMany(r => r.Outcomes).OrderBy(o => o.Position))
            report.Count(outcome, ids[outcome.Position]);
        return report;
    }

    private async Task ApplyChanges(IReadOnlyList<ShardResult> results)
    {
        var agents = ByTarget(results, r => r.Changes.Agents);
        var teams = ByTarget(results, r => r.Changes.Teams);
        var scorecards = ByTarget(results, r => r.Changes.Scorecards);
        await Task.WhenAll(
            agents.Select(p => grains.GetGrain<IAgentGrain>(p.Key).Apply(p.Value))
                .Concat(teams.Select(p => grains.GetGrain<ITeamGrain>(p.Key).Apply(p.Value)))
                .Concat(scorecards.Select(p => grains.GetGrain<IScorecardGrain>(p.Key).Apply(p.Value))));
        // Live views learn about the batch only once the aggregates hold it, so what they re-read includes it.
        var change = new DataChange(agents.Keys.ToList(), teams.Keys.ToList(), scorecards.Keys.ToList());
        if (!change.IsEmpty) await grains.GetGrain<IChangeFeedGrain>(ChangeFeed.Key).Publish(change);
    }

    // One message per aggregate, carrying each shard batch's part separately so the aggregate can apply each batch once.
    private static Dictionary<string, List<BatchChange<TMap>>> ByTarget<TMap>(IEnumerable<ShardResult> results,
        Func<ShardResult, Dictionary<string, TMap>> part)
    {
        var byTarget = new Dictionary<string, List<BatchChange<TMap>>>(StringComparer.Ordinal);
        foreach (var result in results)
            foreach (var (id, changes) in part(result))
            {
                if (!byTarget.TryGetValue(id, out var list)) byTarget[id] = list = new List<BatchChange<TMap>>();
                list.Add(new BatchChange<TMap>(result.BatchId, changes));
            }
        return byTarget;
    }
}

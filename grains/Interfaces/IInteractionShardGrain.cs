using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Analytics;
using QmInsights.Domain.Cadence;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Forecasting;
using QmInsights.Domain.Queues;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Retention;

namespace QmInsights.Grains.Interfaces;

/// <summary>The interaction rows of one shard (see <see cref="Routing.Shards"/>): the join of each contact with its
/// survey and evaluations, and the judge of duplicates, revisions and conflicts. Keyed by shard number.</summary>
[Alias("qm.IInteractionShardGrain")]
public interface IInteractionShardGrain : IGrainWithIntegerKey
{
    /// <summary>Applies the facts in order and returns each one's outcome and the aggregate changes they cause.</summary>
    Task<ShardResult> Apply(FactBatch batch);

    Task<InteractionJoin?> GetInteraction(string interactionId);

    /// <summary>Every regular evaluation whose contact started between <paramref name="from"/> and <paramref name="to"/>
    /// (inclusive UTC days; null = open), next to its contact and survey, optionally for one team, channel or queue.</summary>
    Task<List<EvaluatedContact>> GetEvaluatedContacts(DateOnly? from, DateOnly? to, string? teamId, Channel? channel, string? queue);

    /// <summary>Contacts between the two days (inclusive) that no regular evaluation covers yet: what could be evaluated next.</summary>
    Task<List<SamplingCandidate>> GetUnevaluated(DateOnly from, DateOnly to, string? teamId);

    /// <summary>Every evaluation of one agent in this shard (all kinds), with the revisions it replaced.</summary>
    Task<List<AgentEvaluation>> GetEvaluationsOf(string agentId);

    /// <summary>Contacts of <paramref name="queue"/> and <paramref name="channel"/> (null: any) started in [<paramref name="from"/>,
    /// <paramref name="to"/>) summed per interval (count, handle-seconds sum and sum of squares): history for the forecast
    /// without shipping the contacts.</summary>
    Task<List<IntervalTally>> GetIntervalTallies(string? queue, Channel? channel, DateTime from, DateTime to, IntervalLength length);

    /// <summary>Service counts per queue (<paramref name="queue"/>, null: every queue) and local interval (an hour, or a
    /// day unless <paramref name="hourly"/>) of the contacts whose day in the centre's calendar lies in
    /// [<paramref name="from"/>, <paramref name="to"/>].</summary>
    Task<Dictionary<(string Queue, DateTimeOffset Start), QueueTally>> GetQueueTallies(string? queue, DateOnly from, DateOnly to,
        bool hourly, QueueThresholds thresholds);

    /// <summary>How many rows the shard holds in memory: all of them in-process, the hot window (and rows joined since) in the durable modes.</summary>
    Task<int> GetResidentCount();

    /// <summary>The version of the rows whose contacts started on <paramref name="through"/> (a day of the centre's
    /// calendar) or before: a cache of figures derived from them is valid while every shard answers the version it was
    /// computed at, however many later contacts arrive.</summary>
    Task<ShardVersion> GetVersion(DateOnly through);

    /// <summary>The latest day (of the centre's calendar) a resident contact started on; null when the shard holds none.</summary>
    Task<DateOnly?> GetLatestDay();

    /// <summary>Drops the rows and reloads them from the fact store (after a rebuild re-scored evaluations).</summary>
    Task Reload();

    /// <summary>Deletes the rows whose every fact is dated before <paramref name="cutoff"/>; the aggregates keep
    /// their contribution. Returns how many facts were deleted.</summary>
    Task<FactCounts> Retire(DateOnly cutoff);

    /// <summary>Deletes every row about <paramref name="agentId"/> (their contacts, evaluations of them); teams,
    /// scorecards and other agents keep the contribution, the agent does not.</summary>
    Task<FactCounts> Erase(string agentId);

    /// <summary>Deletes the rows with any fact dated outside <paramref name="earliest"/>..<paramref name="latest"/> (UTC days)
    /// without keeping their tallies (a far-dated fact is an error, not history); answers what was deleted and the
    /// changes that take the rows out of the aggregates.</summary>
    Task<Discarded> DiscardOutside(DateOnly earliest, DateOnly latest);
}

/// <summary>Facts for one shard; each list keeps its batch positions.</summary>
/// <remarks>Immutable for Orleans, like <see cref="ShardResult"/>: built for one call and not changed after it, so a shard
/// on the same silo reads the ingestor's lists rather than a deep copy of every fact.</remarks>
[GenerateSerializer, Immutable, Alias("qm.FactBatch")]
public sealed class FactBatch
{
    [Id(0)] public List<Positioned<Interaction>> Interactions { get; init; } = new();
    [Id(1)] public List<Positioned<Survey>> Surveys { get; init; } = new();
    [Id(2)] public List<Positioned<ScoredEvaluation>> Evaluations { get; init; } = new();
}

[GenerateSerializer, Immutable, Alias("qm.ShardResult")]
public sealed record ShardResult(List<FactOutcome> Outcomes, AggregateChanges Changes, long? BatchId);

/// <summary>Rows a shard deleted as implausible: how many facts, and the (negative) changes that take them out of the aggregates.</summary>
[GenerateSerializer, Alias("qm.Discarded")]
public sealed record Discarded([property: Id(0)] FactCounts Deleted, [property: Id(1)] AggregateChanges Changes);

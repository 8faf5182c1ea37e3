using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Periods;
using QmInsights.Domain.Retention;

namespace QmInsights.Storage;

/// <summary>The system of record for accepted facts. With a durable store, facts are committed before a batch is
/// acknowledged and every derived grain (shards, agents, teams, scorecards) rebuilds its state from the stored facts
/// when it activates; without one (the embedded default) grains keep their state in grain storage.</summary>
public interface IFactStore
{
    bool IsDurable { get; }

    /// <summary>Commits one shard's newly accepted facts atomically, with a batch row naming the aggregates they change
    /// (the outbox that recovery reads if the changes never reach those aggregates), and returns once they are durable.
    /// A store may write commits that arrive together in one transaction; each keeps its own batch id.</summary>
    /// <returns>The batch id, or null for a store that is not durable.</returns>
    Task<long?> Commit(int shard, ShardCommit commit);

    /// <summary>Records that every aggregate holds the changes of these batches.</summary>
    Task MarkApplied(IReadOnlyCollection<long> batchIds);

    /// <summary>Batches committed more than <paramref name="olderThan"/> ago whose changes were never confirmed.</summary>
    Task<IReadOnlyList<PendingBatch>> Pending(TimeSpan olderThan);

    /// <summary>The rows of one shard (all of them, or the <paramref name="slice"/>: a time window, some ids, one agent's).</summary>
    Task<StoredRows> LoadShard(int shard, ShardSlice? slice = null);

    /// <summary>Whether the shard holds any contact started before <paramref name="before"/>: a shard that loaded only the
    /// contacts since then and finds none older knows every row it has is resident, and looks nothing up in the store.</summary>
    Task<bool> HoldsContactsBefore(int shard, DateTimeOffset before);

    Task<StoredRows> LoadForAgent(string agentId);

    Task<StoredRows> LoadForTeam(string teamId);

    /// <summary>The tallies of each agent or team of <paramref name="ids"/> (days in <paramref name="calendar"/>), the way
    /// their grains rebuild. By default each one's rows are loaded and joined as <see cref="JoinContribution"/> does; a
    /// store that can sum its facts where they lie (PostgreSQL: GROUP BY, all of them in one consistent read) does that
    /// instead, so a restart does not carry every fact of the centre into the silo.</summary>
    async Task<Dictionary<string, StoredTallies>> LoadTallies(TallyOwner owner, IReadOnlyCollection<string> ids, CentreCalendar calendar)
    {
        // One read each (each one's batch set belongs to its own read), all at once as the grains did.
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        var tallies = await Task.WhenAll(distinct.Select(async id =>
            StoredTallies.Of(owner, id, await (owner == TallyOwner.Agent ? LoadForAgent(id) : LoadForTeam(id)), calendar)));
        return distinct.Zip(tallies).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    Task<StoredRows> LoadForScorecard(string scorecardId);

    /// <summary>Every stored evaluation revision with its stored score, for a rebuild that re-scores them.</summary>
    IAsyncEnumerable<ScoredEvaluation> AllEvaluations();

    /// <summary>Replaces the stored scores of these evaluation revisions.</summary>
    Task UpdateScores(IReadOnlyList<ScoredEvaluation> evaluations);

    /// <summary>The ids of every agent, team and scorecard the stored facts concern.</summary>
    Task<(List<string> Agents, List<string> Teams, List<string> Scorecards)> AggregateIds();

    /// <summary>Evaluation id to interaction id for the evaluation ids of one index shard.</summary>
    Task<Dictionary<string, string>> LoadEvaluationBindings(int indexShard);

    /// <summary>Deletes the retired rows' facts from one shard and stores what they contribute to the aggregates, in one
    /// transaction, so a rebuild from the remaining facts plus the retired tallies gives the same totals.</summary>
    Task Retire(int shard, Retirement retirement);

    /// <summary>Deletes the retired tallies dated outside <paramref name="earliest"/>..<paramref name="latest"/> (repair of
    /// implausible dates: a tally on day 'infinity' would otherwise come back with every rebuild).</summary>
    Task DiscardRetiredTallies(DateOnly earliest, DateOnly latest);

    /// <summary>Deletes the retired tallies kept for one agent (erasure: the agent's own figures go).</summary>
    Task ForgetAgentTallies(string agentId);
}

/// <summary>Accepted facts of one shard call and the aggregates they change.</summary>
public sealed record ShardCommit(
    IReadOnlyList<Domain.Facts.Interaction> Interactions,
    IReadOnlyList<Domain.Facts.Survey> Surveys,
    IReadOnlyList<ScoredEvaluation> Evaluations,
    IReadOnlyCollection<string> Agents,
    IReadOnlyCollection<string> Teams,
    IReadOnlyCollection<string> Scorecards);

/// <summary>Interaction rows rebuilt from the store, the batches whose facts they include, and the tallies retired rows
/// left behind (for an agent, team or scorecard load; empty for a shard).</summary>
public sealed record StoredRows(Dictionary<string, InteractionJoin> Rows, HashSet<long> Batches, AggregateChanges Retired);

/// <summary>A committed batch whose aggregate changes were not confirmed: its aggregates must refresh.</summary>
public sealed record PendingBatch(long BatchId, IReadOnlyList<string> Agents, IReadOnlyList<string> Teams, IReadOnlyList<string> Scorecards);

using QmInsights.Domain.Joins;
using QmInsights.Domain.Retention;

namespace QmInsights.Storage.Memory;

/// <summary>The embedded default: no separate system of record; grains keep their state in grain storage.</summary>
public sealed class GrainStorageOnly : IFactStore
{
    public bool IsDurable => false;

    public Task<long?> Commit(int shard, ShardCommit commit) => Task.FromResult<long?>(null);

    public Task MarkApplied(IReadOnlyCollection<long> batchIds) => Task.CompletedTask;

    public Task<IReadOnlyList<PendingBatch>> Pending(TimeSpan olderThan) => Task.FromResult<IReadOnlyList<PendingBatch>>([]);

    public Task<StoredRows> LoadShard(int shard, ShardSlice? slice = null) => throw NotDurable();

    public Task<bool> HoldsContactsBefore(int shard, DateTimeOffset before) => throw NotDurable();

    public Task<StoredRows> LoadForAgent(string agentId) => throw NotDurable();

    public Task<StoredRows> LoadForTeam(string teamId) => throw NotDurable();

    public Task<StoredRows> LoadForScorecard(string scorecardId) => throw NotDurable();

    public IAsyncEnumerable<ScoredEvaluation> AllEvaluations() => throw NotDurable();

    public Task UpdateScores(IReadOnlyList<ScoredEvaluation> evaluations) => throw NotDurable();

    public Task<(List<string> Agents, List<string> Teams, List<string> Scorecards)> AggregateIds() => throw NotDurable();

    public Task<Dictionary<string, string>> LoadEvaluationBindings(int indexShard) => throw NotDurable();

    // Without a fact store the shard's rows are the raw facts: dropping them is the deletion, and the aggregate grains
    // keep their tallies as they are.
    public Task Retire(int shard, Retirement retirement) => Task.CompletedTask;

    public Task ForgetAgentTallies(string agentId) => Task.CompletedTask;

    // The aggregate grains hold retired tallies themselves and drop the implausible ones (DropOutside).
    public Task DiscardRetiredTallies(DateOnly earliest, DateOnly latest) => Task.CompletedTask;

    private static InvalidOperationException NotDurable() =>
        new("Grain state comes from grain storage when no durable fact store is configured");
}

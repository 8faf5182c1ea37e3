using QmInsights.Domain.Joins;
using QmInsights.Domain.Retention;

namespace QmInsights.Storage.Azure;

/// <summary>Azure Storage as the system of record. Each shard commit is one transaction of the batch table (its index
/// row and outbox row) and then one blob of the whole fact records (the fact log); retention and erasure write a
/// retirement record (deleted facts' tallies), then rewrite the commit blobs without those facts, then a rewrite marker.
/// Reads go through this silo's copy of the log (<see cref="FactLog"/>).
/// Layout and the reasons for it: README, "On Azure Storage".</summary>
public sealed class AzureFactStore : IFactStore
{
    private readonly FactLog _log;
    private readonly AzureOutbox _outbox;

    public AzureFactStore(AzureStorageAccount account)
    {
        _outbox = new AzureOutbox(account.Tables.GetTableClient(account.OutboxTable));
        _log = new FactLog(account.Blobs.GetBlobContainerClient(account.FactsContainer), _outbox);
    }

    public bool IsDurable => true;

    /// <summary>Creates the fact log container and the outbox table when missing.</summary>
    public async Task CreateIfMissing()
    {
        await _log.Container.CreateIfNotExistsAsync();
        await _outbox.Table.CreateIfNotExistsAsync();
    }

    public async Task<long?> Commit(int shard, ShardCommit commit)
    {
        var batchId = NewId();
        // Outbox first: a silo dying after it leaves aggregates to refresh needlessly; the other order could leave
        // facts that no aggregate ever hears of.
        await _outbox.Add(batchId, shard, commit);
        await BlobJson.Upload(_log.Container.GetBlobClient(FactLog.CommitName(shard, batchId)),
            new CommitRecord(shard, batchId, commit.Interactions.ToList(), commit.Surveys.ToList(), commit.Evaluations.ToList()), ifMatch: null);
        return batchId;
    }

    public Task MarkApplied(IReadOnlyCollection<long> batchIds) => _outbox.Remove(batchIds);

    public Task<IReadOnlyList<PendingBatch>> Pending(TimeSpan olderThan) => _outbox.Pending(olderThan);

    public Task<StoredRows> LoadShard(int shard, ShardSlice? slice = null) =>
        _log.Read(v => slice is null ? v.Shard(shard) : v.Shard(shard, slice));

    public Task<StoredRows> LoadForAgent(string agentId) => _log.Read(v => v.Agent(agentId));

    public Task<StoredRows> LoadForTeam(string teamId) => _log.Read(v => v.Team(teamId));

    public Task<StoredRows> LoadForScorecard(string scorecardId) => _log.Read(v => v.Scorecard(scorecardId));

    public async IAsyncEnumerable<ScoredEvaluation> AllEvaluations()
    {
        foreach (var evaluation in await _log.Read(v => v.AllEvaluations())) yield return evaluation;
    }

    public async Task UpdateScores(IReadOnlyList<ScoredEvaluation> evaluations)
    {
        var scores = evaluations.ToDictionary(e => (e.Evaluation.EvaluationId, e.Evaluation.Revision), e => e.Score);
        var blobs = await _log.Read(v => v.BlobsOf(scores.Keys));
        await Task.WhenAll(blobs.Values.Distinct().Select(blob => _log.Rewrite<CommitRecord>(blob, commit => commit with
        {
            Evaluations = commit.Evaluations
                .Select(e => scores.TryGetValue((e.Evaluation.EvaluationId, e.Evaluation.Revision), out var score) ? e with { Score = score } : e)
                .ToList(),
        })));
        await _outbox.MarkRewritten(NewId());
    }

    public Task<(List<string> Agents, List<string> Teams, List<string> Scorecards)> AggregateIds() => _log.Read(v => v.AggregateIds());

    public Task<Dictionary<string, string>> LoadEvaluationBindings(int indexShard) => _log.Read(v => v.EvaluationBindings(indexShard));

    public async Task Retire(int shard, Retirement retirement)
    {
        var blobs = await _log.Read(v => v.BlobsOf(retirement.InteractionIds));
        var record = new RetirementRecord(blobs, RetiredTally.Of(retirement.Kept));
        var name = $"{FactLog.RetirementPrefix}{shard:D2}/{NewId():D19}";
        // In force from here: readers leave out the named facts and add the tallies (the marker makes every silo read the
        // container again; one that read it before keeps a consistent older view until then).
        await BlobJson.Upload(_log.Container.GetBlobClient(name), record, ifMatch: null);
        await _outbox.MarkRewritten(NewId());
        await Task.WhenAll(blobs.Select(b => _log.Rewrite<CommitRecord>(b.Key, commit =>
            commit.Without(b.Value.ToHashSet(StringComparer.Ordinal)) is { IsEmpty: false } rest ? rest : null)));
        // The commit blobs no longer hold those facts: the record keeps only the tallies (and no interaction ids).
        await _log.Rewrite<RetirementRecord>(name, r => r with { Removals = [] });
    }

    public Task DiscardRetiredTallies(DateOnly earliest, DateOnly latest) => DropTallies(t => t.Day < earliest || t.Day > latest);

    public async Task ForgetAgentTallies(string agentId)
    {
        await DropTallies(t => t.Kind == RetiredTally.Target.Agent && t.TargetId == agentId);
        await _outbox.ForgetAgent(agentId);
    }

    /// <summary>Rewrites every retirement record without the tallies <paramref name="drop"/> picks.</summary>
    private async Task DropTallies(Func<RetiredTally, bool> drop)
    {
        var records = await _log.Read(v => v.RetirementsHolding(drop));
        if (records.Count == 0) return;
        await Task.WhenAll(records.Select(name => _log.Rewrite<RetirementRecord>(name, r => r with { Tallies = r.Tallies.Where(t => !drop(t)).ToList() })));
        await _outbox.MarkRewritten(NewId());
    }

    // Unique across silos without a counter to share: milliseconds since 1970 (41 bits) and 20 random bits.
    private static long NewId() => (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() << 20) + Random.Shared.Next(1 << 20);
}

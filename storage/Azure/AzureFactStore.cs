using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Retention;

namespace QmInsights.Storage.Azure;

/// <summary>Azure Storage as the system of record. Each shard commit is one transaction of the batch table (its index
/// row and outbox row) and then one blob of the whole fact records; every few commits a shard's commit blobs are folded
/// into its checkpoint blob (<see cref="ShardCheckpoint"/>) and deleted. Retention and erasure write a retirement record
/// (deleted facts' tallies), then rewrite the commits (blobs and checkpoint) without those facts, then a rewrite marker.
/// Reads go through this silo's copy of the shards they need (<see cref="FactLog"/>).
/// Layout and the reasons for it: README, "On Azure Storage".</summary>
public sealed class AzureFactStore : IFactStore, IDisposable
{
    /// <summary>Commits of a shard between two folds into its checkpoint (<c>Azure:Storage:CheckpointEvery</c>).</summary>
    public const int DefaultCheckpointEvery = 16;

    private readonly FactLog _log;
    private readonly AzureOutbox _outbox;
    private readonly CommitFolding _folding;

    /// <param name="account">Where the fact log and the batch table are.</param>
    /// <param name="checkpointEvery">Commits of a shard this silo makes between two folds into its checkpoint.</param>
    /// <param name="foldFailed">Told of a background fold that failed (the commits stay, a later fold takes them).</param>
    public AzureFactStore(AzureStorageAccount account, int checkpointEvery = DefaultCheckpointEvery, Action<int, Exception>? foldFailed = null)
    {
        if (checkpointEvery < 1)
            throw new ArgumentOutOfRangeException(nameof(checkpointEvery), checkpointEvery, "Azure:Storage:CheckpointEvery: must be at least 1");
        _outbox = new AzureOutbox(account.Tables.GetTableClient(account.OutboxTable));
        var container = account.Blobs.GetBlobContainerClient(account.FactsContainer);
        _log = new FactLog(container, _outbox);
        _folding = new CommitFolding(container, checkpointEvery, foldFailed);
    }

    public bool IsDurable => true;

    /// <summary>Stops the timer that drops idle shards from memory.</summary>
    public void Dispose() => _log.Dispose();

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
        var name = FactLog.CommitName(shard, batchId);
        var record = new CommitRecord(shard, batchId, commit.Interactions.ToList(), commit.Surveys.ToList(), commit.Evaluations.ToList());
        var bytes = BlobJson.Write(record);
        var etag = await BlobJson.Upload(_log.Container.GetBlobClient(name), bytes, ifMatch: null);
        _log.Written(record);
        _folding.Committed(shard, name, etag, bytes);
        return batchId;
    }

    /// <summary>Folds the shard's commit blobs into its checkpoint now (they are folded every few commits anyway).</summary>
    public Task Checkpoint(int shard) => _folding.Fold(shard);

    public Task MarkApplied(IReadOnlyCollection<long> batchIds) => _outbox.Remove(batchIds);

    public Task<IReadOnlyList<PendingBatch>> Pending(TimeSpan olderThan) => _outbox.Pending(olderThan);

    public Task<StoredRows> LoadShard(int shard, ShardSlice? slice = null) =>
        _log.Read([shard], (views, _) => Rows(views, v => v.Slice(slice ?? ShardSlice.Whole), new AggregateChanges()));

    public Task<bool> HoldsContactsBefore(int shard, DateTimeOffset before) =>
        _log.Read([shard], (views, _) => views.Any(v => v.Slice(new ShardSlice(Before: before)).Any()));

    public Task<StoredRows> LoadForAgent(string agentId) =>
        _log.Read(FactLog.AllShards, (views, retired) => Rows(views, v => v.Agent(agentId), retired.Of(RetiredTally.Target.Agent, agentId)));

    public Task<StoredRows> LoadForTeam(string teamId) =>
        _log.Read(FactLog.AllShards, (views, retired) => Rows(views, v => v.Team(teamId), retired.Of(RetiredTally.Target.Team, teamId)));

    public Task<StoredRows> LoadForScorecard(string scorecardId) =>
        _log.Read(FactLog.AllShards, (views, retired) => Rows(views, v => v.Scorecard(scorecardId), retired.Of(RetiredTally.Target.Scorecard, scorecardId)));

    /// <summary>Every evaluation revision in (evaluation id, revision) order.</summary>
    public async IAsyncEnumerable<ScoredEvaluation> AllEvaluations()
    {
        var all = await _log.Read(FactLog.AllShards, (views, _) => views.SelectMany(v => v.Evaluations)
            .OrderBy(e => e.Evaluation.EvaluationId, StringComparer.Ordinal).ThenBy(e => e.Evaluation.Revision).ToList());
        foreach (var evaluation in all) yield return evaluation;
    }

    public async Task UpdateScores(IReadOnlyList<ScoredEvaluation> evaluations)
    {
        var scores = evaluations.ToDictionary(e => (e.Evaluation.EvaluationId, e.Evaluation.Revision), e => e.Score);
        var revisions = scores.Keys.ToHashSet();
        var touched = await _log.Read(FactLog.AllShards, (views, _) => views
            .Select(v => (v.Shard, v.Folded, Batches: v.BatchesOf(revisions).Select(b => b.Batch).ToHashSet()))
            .Where(v => v.Batches.Count > 0)
            .Select(v => (v.Shard, Unfolded: v.Batches.Where(b => !v.Folded.Contains(b)).ToList()))
            .ToList());
        await Task.WhenAll(touched.Select(t => _log.RewriteCommits(t.Shard, t.Unfolded, commit =>
            !commit.Evaluations.Any(e => scores.ContainsKey((e.Evaluation.EvaluationId, e.Evaluation.Revision))) ? commit : commit with
            {
                Evaluations = commit.Evaluations
                    .Select(e => scores.TryGetValue((e.Evaluation.EvaluationId, e.Evaluation.Revision), out var score) ? e with { Score = score } : e)
                    .ToList(),
            })));
        await _outbox.MarkRewritten(NewId());
    }

    public Task<(List<string> Agents, List<string> Teams, List<string> Scorecards)> AggregateIds() => _log.Read(FactLog.AllShards, (views, retired) => (
        Ids(views.SelectMany(v => v.Agents), retired, RetiredTally.Target.Agent),
        Ids(views.SelectMany(v => v.Teams), retired, RetiredTally.Target.Team),
        Ids(views.SelectMany(v => v.Scorecards), retired, RetiredTally.Target.Scorecard)));

    public Task<Dictionary<string, string>> LoadEvaluationBindings(int indexShard) => _log.Read(FactLog.AllShards, (views, _) =>
    {
        var bindings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (evaluationId, interactionId) in views.SelectMany(v => v.EvaluationBindings(indexShard))) bindings[evaluationId] = interactionId;
        return bindings;
    });

    public async Task Retire(int shard, Retirement retirement)
    {
        var (facts, folded) = await _log.Read([shard], (views, _) => (views[0].BatchesOf(retirement.InteractionIds).ToList(), views[0].Folded.ToHashSet()));
        var removals = facts.GroupBy(f => f.Batch).ToDictionary(g => g.Key, g => g.Select(f => f.InteractionId).ToHashSet(StringComparer.Ordinal));
        var record = new RetirementRecord(removals.ToDictionary(r => FactLog.CommitName(shard, r.Key), r => r.Value.ToList()), RetiredTally.Of(retirement.Kept));
        var name = $"{FactLog.RetirementPrefix}{shard:D2}/{NewId():D19}";
        // In force from here: readers leave out the named facts and add the tallies (the marker makes every silo read the
        // retirements again; one that read them before keeps a consistent older view until then).
        await BlobJson.Upload(_log.Container.GetBlobClient(name), BlobJson.Write(record), ifMatch: null);
        await _outbox.MarkRewritten(NewId());
        await _log.RewriteCommits(shard, removals.Keys.Where(b => !folded.Contains(b)),
            commit => removals.TryGetValue(commit.BatchId, out var ids) ? commit.Without(ids) : commit);
        // The commits no longer hold those facts: the record keeps only the tallies (and no interaction ids).
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
        var records = await _log.Read([], (_, retired) => retired.Holding(drop));
        if (records.Count == 0) return;
        await Task.WhenAll(records.Select(name => _log.Rewrite<RetirementRecord>(name, r => r with { Tallies = r.Tallies.Where(t => !drop(t)).ToList() })));
        await _outbox.MarkRewritten(NewId());
    }

    /// <summary>The whole rows of the interactions <paramref name="ids"/> picks in each shard, and the batches they came in.</summary>
    private static StoredRows Rows(IReadOnlyList<ShardLogView> views, Func<ShardLogView, IEnumerable<string>> ids, AggregateChanges retired)
    {
        var rows = new Dictionary<string, InteractionJoin>(StringComparer.Ordinal);
        var batches = new HashSet<long>();
        foreach (var view in views) view.RowsInto(ids(view), rows, batches);
        return new StoredRows(rows, batches, retired);
    }

    private static List<string> Ids(IEnumerable<string> withFacts, Retirements retired, RetiredTally.Target kind) =>
        withFacts.Concat(retired.Targets(kind)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    // Unique across silos without a counter to share: milliseconds since 1970 (41 bits) and 20 random bits.
    private static long NewId() => (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() << 20) + Random.Shared.Next(1 << 20);
}

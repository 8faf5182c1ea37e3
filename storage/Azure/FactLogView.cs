using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Joins;

namespace QmInsights.Storage.Azure;

/// <summary>The fact log read into memory and indexed the ways the grains load it: by shard, agent, team, scorecard and
/// evaluation-id shard. Facts a retirement record names are left out, so a retirement is in force from the moment its
/// record exists, whether or not the commit blobs have been rewritten yet.</summary>
internal sealed class FactLogView
{
    /// <summary>Every stored fact of one interaction, with the batch and blob each came in.</summary>
    private sealed class Facts
    {
        public int Shard;
        public (Interaction Fact, long Batch)? Interaction;
        public (Survey Fact, long Batch)? Survey;
        public readonly List<(ScoredEvaluation Fact, long Batch, string Blob)> Evaluations = new();
        public readonly HashSet<string> Blobs = new(StringComparer.Ordinal);
    }

    private readonly Dictionary<string, Facts> _byInteraction = new(StringComparer.Ordinal);
    private readonly Dictionary<int, HashSet<string>> _byShard = new();
    private readonly Dictionary<string, HashSet<string>> _byAgent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byTeam = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byScorecard = new(StringComparer.Ordinal);
    private readonly Dictionary<(RetiredTally.Target, string), List<RetiredTally>> _retired = new();
    private readonly Dictionary<string, RetirementRecord> _retirements = new(StringComparer.Ordinal);

    /// <summary>A view of these commit and retirement blobs (by blob name).</summary>
    public static FactLogView Of(IReadOnlyDictionary<string, CommitRecord> commits, IReadOnlyDictionary<string, RetirementRecord> retirements)
    {
        var view = new FactLogView();
        var removed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (name, record) in retirements)
        {
            view._retirements[name] = record;
            foreach (var tally in record.Tallies) Add(view._retired, (tally.Kind, tally.TargetId), tally);
            foreach (var (blob, ids) in record.Removals)
            {
                if (!removed.TryGetValue(blob, out var set)) removed[blob] = set = new HashSet<string>(StringComparer.Ordinal);
                set.UnionWith(ids);
            }
        }
        foreach (var (name, commit) in commits) view.Add(name, commit, removed.GetValueOrDefault(name));
        return view;
    }

    /// <summary>Adds a commit blob that no retirement names (a new one).</summary>
    public void Add(string blob, CommitRecord commit, IReadOnlySet<string>? removed = null)
    {
        foreach (var interaction in commit.Interactions)
        {
            if (removed?.Contains(interaction.InteractionId) == true) continue;
            var facts = Of(interaction.InteractionId, commit.Shard, blob);
            facts.Interaction = (interaction, commit.BatchId);
            // A contact no agent took (abandoned in the queue) belongs to no agent or team.
            if (interaction.AgentId is { } agent) Add(_byAgent, agent, interaction.InteractionId);
            if (interaction.TeamId is { } team) Add(_byTeam, team, interaction.InteractionId);
        }
        foreach (var survey in commit.Surveys)
        {
            if (removed?.Contains(survey.InteractionId) == true) continue;
            Of(survey.InteractionId, commit.Shard, blob).Survey = (survey, commit.BatchId);
        }
        foreach (var scored in commit.Evaluations)
        {
            var evaluation = scored.Evaluation;
            if (removed?.Contains(evaluation.InteractionId) == true) continue;
            Of(evaluation.InteractionId, commit.Shard, blob).Evaluations.Add((scored, commit.BatchId, blob));
            Add(_byAgent, evaluation.AgentId, evaluation.InteractionId);
            Add(_byScorecard, evaluation.ScorecardId, evaluation.InteractionId);
        }
    }

    public StoredRows Shard(int shard) => Rows(_byShard.GetValueOrDefault(shard), new AggregateChanges());

    /// <summary>The rows of <paramref name="shard"/> in <paramref name="slice"/>, found through the id and agent indexes
    /// rather than by building every row of the shard.</summary>
    public StoredRows Shard(int shard, ShardSlice slice)
    {
        var inShard = _byShard.GetValueOrDefault(shard) ?? [];
        IEnumerable<string> candidates = slice.InteractionIds ?? (IEnumerable<string>)inShard;
        if (slice.AgentId is { } agent) candidates = candidates.Where(_byAgent.GetValueOrDefault(agent, []).Contains);
        var chosen = candidates.Where(id => inShard.Contains(id) && _byInteraction[id].Interaction is var contact
            && (contact is var (i, _) ? (slice.Since is null || i.StartedAt >= slice.Since) && (slice.Before is null || i.StartedAt < slice.Before)
                : slice.Before is null));
        return Rows(chosen.ToHashSet(StringComparer.Ordinal), new AggregateChanges());
    }

    public StoredRows Agent(string id) => Rows(_byAgent.GetValueOrDefault(id), Retired(RetiredTally.Target.Agent, id));

    public StoredRows Team(string id) => Rows(_byTeam.GetValueOrDefault(id), Retired(RetiredTally.Target.Team, id));

    public StoredRows Scorecard(string id) => Rows(_byScorecard.GetValueOrDefault(id), Retired(RetiredTally.Target.Scorecard, id));

    /// <summary>Every evaluation revision in (evaluation id, revision) order.</summary>
    public List<ScoredEvaluation> AllEvaluations() => _byInteraction.Values
        .SelectMany(f => f.Evaluations.Select(e => e.Fact))
        .OrderBy(e => e.Evaluation.EvaluationId, StringComparer.Ordinal).ThenBy(e => e.Evaluation.Revision)
        .ToList();

    /// <summary>The blob each of these evaluation revisions is stored in.</summary>
    public Dictionary<(string EvaluationId, int Revision), string> BlobsOf(IEnumerable<(string EvaluationId, int Revision)> revisions)
    {
        var wanted = revisions.ToHashSet();
        return _byInteraction.Values.SelectMany(f => f.Evaluations)
            .Where(e => wanted.Contains((e.Fact.Evaluation.EvaluationId, e.Fact.Evaluation.Revision)))
            .ToDictionary(e => (e.Fact.Evaluation.EvaluationId, e.Fact.Evaluation.Revision), e => e.Blob);
    }

    /// <summary>The commit blobs holding facts of these interactions, with the interactions each holds.</summary>
    public Dictionary<string, List<string>> BlobsOf(IEnumerable<string> interactionIds)
    {
        var blobs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var id in interactionIds)
            if (_byInteraction.TryGetValue(id, out var facts))
                foreach (var blob in facts.Blobs)
                {
                    if (!blobs.TryGetValue(blob, out var ids)) blobs[blob] = ids = new List<string>();
                    ids.Add(id);
                }
        return blobs;
    }

    /// <summary>The retirement records holding a tally that <paramref name="matches"/>.</summary>
    public List<string> RetirementsHolding(Func<RetiredTally, bool> matches) => _retirements
        .Where(r => r.Value.Tallies.Any(matches)).Select(r => r.Key).ToList();

    public (List<string> Agents, List<string> Teams, List<string> Scorecards) AggregateIds() => (
        Ids(_byAgent, RetiredTally.Target.Agent), Ids(_byTeam, RetiredTally.Target.Team), Ids(_byScorecard, RetiredTally.Target.Scorecard));

    public Dictionary<string, string> EvaluationBindings(int indexShard)
    {
        var bindings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (interactionId, facts) in _byInteraction)
            foreach (var (scored, _, _) in facts.Evaluations)
                if (Shards.Of(scored.Evaluation.EvaluationId) == indexShard) bindings[scored.Evaluation.EvaluationId] = interactionId;
        return bindings;
    }

    private List<string> Ids(Dictionary<string, HashSet<string>> index, RetiredTally.Target kind) => index.Keys
        .Concat(_retired.Keys.Where(k => k.Item1 == kind).Select(k => k.Item2))
        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private AggregateChanges Retired(RetiredTally.Target kind, string id)
    {
        var changes = new AggregateChanges();
        foreach (var tally in _retired.GetValueOrDefault((kind, id)) ?? []) tally.AddTo(changes);
        return changes;
    }

    private StoredRows Rows(HashSet<string>? interactionIds, AggregateChanges retired)
    {
        var rows = new Dictionary<string, InteractionJoin>(StringComparer.Ordinal);
        var batches = new HashSet<long>();
        foreach (var id in interactionIds ?? [])
        {
            var facts = _byInteraction[id];
            var row = rows[id] = new InteractionJoin();
            if (facts.Interaction is var (interaction, interactionBatch))
            {
                row.Interaction = interaction;
                batches.Add(interactionBatch);
            }
            if (facts.Survey is var (survey, surveyBatch))
            {
                row.Survey = survey;
                batches.Add(surveyBatch);
            }
            // In revision order: a later revision replaces the one before it, which is kept for the agent to see.
            foreach (var (scored, batch, _) in facts.Evaluations.OrderBy(e => e.Fact.Evaluation.EvaluationId, StringComparer.Ordinal)
                         .ThenBy(e => e.Fact.Evaluation.Revision))
            {
                batches.Add(batch);
                var earlier = row.Evaluations.FindIndex(e => e.Evaluation.EvaluationId == scored.Evaluation.EvaluationId);
                if (earlier >= 0)
                {
                    row.Replaced.Add(row.Evaluations[earlier]);
                    row.Evaluations.RemoveAt(earlier);
                }
                row.Evaluations.Add(scored);
            }
        }
        return new StoredRows(rows, batches, retired);
    }

    private Facts Of(string interactionId, int shard, string blob)
    {
        if (!_byInteraction.TryGetValue(interactionId, out var facts))
        {
            _byInteraction[interactionId] = facts = new Facts { Shard = shard };
            Add(_byShard, shard, interactionId);
        }
        facts.Blobs.Add(blob);
        return facts;
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, HashSet<TValue>> index, TKey key, TValue value) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var set)) index[key] = set = new HashSet<TValue>();
        set.Add(value);
    }

    private static void Add<TKey>(Dictionary<TKey, List<RetiredTally>> index, TKey key, RetiredTally tally) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = new List<RetiredTally>();
        list.Add(tally);
    }
}

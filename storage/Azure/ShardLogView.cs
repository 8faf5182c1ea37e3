using QmInsights.Domain.Facts;
using QmInsights.Domain.Joins;

namespace QmInsights.Storage.Azure;

/// <summary>One shard's part of the fact log read into memory (its checkpoint's commits and the commits since) and indexed
/// the ways the grains load it: by agent, team and scorecard. Facts a retirement record names are left out, so a
/// retirement is in force from the moment its record exists, whether or not the commits have been rewritten yet.</summary>
internal sealed class ShardLogView(int shard, IReadOnlyDictionary<long, HashSet<string>> removed)
{
    /// <summary>Every stored fact of one interaction, with the batch each came in (evaluations are few: no list until one).</summary>
    private sealed class Facts
    {
        public (Interaction Fact, long Batch)? Interaction;
        public (Survey Fact, long Batch)? Survey;
        public List<(ScoredEvaluation Fact, long Batch)>? Evaluations;
    }

    private readonly Dictionary<string, Facts> _byInteraction = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byAgent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byTeam = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byScorecard = new(StringComparer.Ordinal);

    /// <summary>The shard this is a part of.</summary>
    public int Shard => shard;

    /// <summary>The batches of every commit added (those whose facts are all retired too).</summary>
    public HashSet<long> Known { get; } = new();

    /// <summary>The batches read from the checkpoint rather than from their own blobs.</summary>
    public HashSet<long> Folded { get; } = new();

    /// <summary>Adds one commit (from the checkpoint or its own blob), leaving out the facts a retirement removed from it.</summary>
    public void Add(CommitRecord commit, bool folded)
    {
        Known.Add(commit.BatchId);
        if (folded) Folded.Add(commit.BatchId);
        var gone = removed.GetValueOrDefault(commit.BatchId);
        foreach (var interaction in commit.Interactions)
        {
            if (gone?.Contains(interaction.InteractionId) == true) continue;
            Of(interaction.InteractionId).Interaction = (Interned(interaction), commit.BatchId);
            // A contact no agent took (abandoned in the queue) belongs to no agent or team.
            if (interaction.AgentId is { } agent) Add(_byAgent, agent, interaction.InteractionId);
            if (interaction.TeamId is { } team) Add(_byTeam, team, interaction.InteractionId);
        }
        foreach (var survey in commit.Surveys)
        {
            if (gone?.Contains(survey.InteractionId) == true) continue;
            Of(survey.InteractionId).Survey = (survey, commit.BatchId);
        }
        foreach (var scored in commit.Evaluations)
        {
            var evaluation = scored.Evaluation;
            if (gone?.Contains(evaluation.InteractionId) == true) continue;
            (Of(evaluation.InteractionId).Evaluations ??= new()).Add((scored, commit.BatchId));
            Add(_byAgent, evaluation.AgentId, evaluation.InteractionId);
            Add(_byScorecard, evaluation.ScorecardId, evaluation.InteractionId);
        }
    }

    /// <summary>The agents, teams and scorecards the shard's facts concern.</summary>
    public IEnumerable<string> Agents => _byAgent.Keys;

    public IEnumerable<string> Teams => _byTeam.Keys;

    public IEnumerable<string> Scorecards => _byScorecard.Keys;

    /// <summary>The ids of the rows in <paramref name="slice"/>, found through the id and agent indexes rather than by
    /// building every row of the shard.</summary>
    public IEnumerable<string> Slice(ShardSlice slice)
    {
        IEnumerable<string> candidates = slice.InteractionIds ?? (IEnumerable<string>)_byInteraction.Keys;
        if (slice.AgentId is { } agent) candidates = candidates.Where(_byAgent.GetValueOrDefault(agent, []).Contains);
        return candidates.Where(id => _byInteraction.TryGetValue(id, out var facts)
            && (facts.Interaction is var (i, _) ? (slice.Since is null || i.StartedAt >= slice.Since) && (slice.Before is null || i.StartedAt < slice.Before)
                : slice.Before is null));
    }

    /// <summary>The interactions an agent took or was evaluated on; a team's contacts; a scorecard's evaluated contacts.</summary>
    public IEnumerable<string> Agent(string id) => _byAgent.GetValueOrDefault(id) ?? [];

    public IEnumerable<string> Team(string id) => _byTeam.GetValueOrDefault(id) ?? [];

    public IEnumerable<string> Scorecard(string id) => _byScorecard.GetValueOrDefault(id) ?? [];

    /// <summary>Every evaluation revision of the shard.</summary>
    public IEnumerable<ScoredEvaluation> Evaluations => _byInteraction.Values.SelectMany(f => f.Evaluations ?? []).Select(e => e.Fact);

    /// <summary>The batches holding these evaluation revisions, with the revisions each holds.</summary>
    public IEnumerable<(long Batch, (string EvaluationId, int Revision) Revision)> BatchesOf(IReadOnlySet<(string EvaluationId, int Revision)> revisions) =>
        _byInteraction.Values.SelectMany(f => f.Evaluations ?? [])
            .Select(e => (e.Batch, Revision: (e.Fact.Evaluation.EvaluationId, e.Fact.Evaluation.Revision)))
            .Where(e => revisions.Contains(e.Revision));

    /// <summary>The batches holding facts of these interactions, with the interaction.</summary>
    public IEnumerable<(long Batch, string InteractionId)> BatchesOf(IEnumerable<string> interactionIds)
    {
        foreach (var id in interactionIds)
        {
            if (!_byInteraction.TryGetValue(id, out var facts)) continue;
            var batches = new HashSet<long>();
            if (facts.Interaction is var (_, i)) batches.Add(i);
            if (facts.Survey is var (_, s)) batches.Add(s);
            foreach (var (_, e) in facts.Evaluations ?? []) batches.Add(e);
            foreach (var batch in batches) yield return (batch, id);
        }
    }

    /// <summary>Evaluation id to interaction id for the evaluations whose id falls in <paramref name="indexShard"/>.</summary>
    public IEnumerable<(string EvaluationId, string InteractionId)> EvaluationBindings(int indexShard) =>
        _byInteraction.SelectMany(p => (p.Value.Evaluations ?? [])
            .Where(e => Shards.Of(e.Fact.Evaluation.EvaluationId) == indexShard)
            .Select(e => (e.Fact.Evaluation.EvaluationId, p.Key)));

    /// <summary>Adds the whole rows of these interactions to <paramref name="rows"/>, and the batches they came in.</summary>
    public void RowsInto(IEnumerable<string> interactionIds, Dictionary<string, InteractionJoin> rows, HashSet<long> batches)
    {
        foreach (var id in interactionIds)
        {
            if (rows.ContainsKey(id) || !_byInteraction.TryGetValue(id, out var facts)) continue;
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
            foreach (var (scored, batch) in (facts.Evaluations ?? []).OrderBy(e => e.Fact.Evaluation.EvaluationId, StringComparer.Ordinal)
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
    }

    // A shard holds tens of thousands of contacts of a few hundred agents, teams and queues: one copy of each name
    // rather than one per contact, as each record was read.
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    private Interaction Interned(Interaction interaction) => interaction with
    {
        AgentId = Interned(interaction.AgentId),
        TeamId = Interned(interaction.TeamId),
        Queue = Interned(interaction.Queue)!,
    };

    private string? Interned(string? name)
    {
        if (name is null) return null;
        if (_names.TryGetValue(name, out var known)) return known;
        return _names[name] = name;
    }

    private Facts Of(string interactionId)
    {
        if (!_byInteraction.TryGetValue(interactionId, out var facts)) _byInteraction[interactionId] = facts = new Facts();
        return facts;
    }

    private static void Add(Dictionary<string, HashSet<string>> index, string key, string value)
    {
        if (!index.TryGetValue(key, out var set)) index[key] = set = new HashSet<string>(StringComparer.Ordinal);
        set.Add(value);
    }
}

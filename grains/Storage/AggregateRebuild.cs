using QmInsights.Domain.Joins;
using QmInsights.Domain.Live;
using QmInsights.Domain.Scorecards;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;

namespace QmInsights.Grains.Storage;

/// <summary>Recomputes everything derived from the stored facts: re-scores every evaluation with the scorecard
/// version that applies to it now (after a corrected version was defined, say), then makes every shard and every
/// agent, team and scorecard aggregate rebuild from the facts. Run it when ingestion is quiet: changes accepted
/// while it runs are kept, but may be scored with the old figures until the next rebuild.</summary>
public sealed class AggregateRebuild(IGrainFactory grains, IFactStore facts)
{
    private const int Batch = 2000;

    public async Task Run(Func<string, Task> progress)
    {
        if (!facts.IsDurable)
            throw new InvalidOperationException("A rebuild recomputes from stored facts: it needs Storage:Provider=Postgres or Azure");

        var histories = new Dictionary<string, ScorecardHistory>(StringComparer.Ordinal);
        var pending = new List<ScoredEvaluation>(Batch);
        long seen = 0, changed = 0;
        await foreach (var stored in facts.AllEvaluations())
        {
            var evaluation = stored.Evaluation;
            if (!histories.TryGetValue(evaluation.ScorecardId, out var history))
                histories[evaluation.ScorecardId] = history =
                    new ScorecardHistory(await grains.GetGrain<IScorecardGrain>(evaluation.ScorecardId).GetVersions());
            seen++;
            var (version, _) = history.Resolve(evaluation.ScorecardId, evaluation.ScorecardVersion, evaluation.EvaluatedAt);
            // An evaluation whose answers no longer fit the version keeps the score it was accepted with.
            if (version is null || ScorecardHistory.CheckAnswers(version, evaluation.Answers) is not null) continue;
            var score = ScoreCalculator.Score(version, evaluation.Answers);
            if (score == stored.Score) continue;
            pending.Add(stored with { Score = score });
            changed++;
            if (pending.Count == Batch)
            {
                await facts.UpdateScores(pending);
                pending.Clear();
                await progress($"re-scored {seen:N0} evaluations, {changed:N0} changed");
            }
        }
        if (pending.Count > 0) await facts.UpdateScores(pending);
        await progress($"re-scored {seen:N0} evaluations, {changed:N0} changed");

        await Task.WhenAll(Enumerable.Range(0, Shards.Count).Select(s => grains.GetGrain<IInteractionShardGrain>(s).Reload()));
        await progress($"reloaded {Shards.Count} interaction shards");

        var (agents, teams, scorecards) = await facts.AggregateIds();
        await Refresh("agents", agents, id => grains.GetGrain<IAgentGrain>(id).Refresh(), progress);
        await Refresh("teams", teams, id => grains.GetGrain<ITeamGrain>(id).Refresh(), progress);
        await Refresh("scorecards", scorecards, id => grains.GetGrain<IScorecardGrain>(id).Refresh(), progress);
        // Live views and the centre summaries kept on each silo re-read what the rebuild changed.
        await grains.GetGrain<IChangeFeedGrain>(ChangeFeed.Key).Publish(new DataChange(agents, teams, scorecards));
    }

    private static async Task Refresh(string what, List<string> ids, Func<string, Task> refresh, Func<string, Task> progress)
    {
        var done = 0;
        foreach (var chunk in ids.Chunk(50))
        {
            await Task.WhenAll(chunk.Select(refresh));
            done += chunk.Length;
            await progress($"rebuilt {done:N0}/{ids.Count:N0} {what}");
        }
    }
}

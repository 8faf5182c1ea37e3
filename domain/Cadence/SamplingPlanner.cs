using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Cadence;

/// <summary>A contact that could be evaluated next.</summary>
[GenerateSerializer, Alias("qm.SamplingCandidate")]
public sealed record SamplingCandidate(string InteractionId, string AgentId, string TeamId, Channel Channel, string Queue,
    DateTimeOffset StartedAt, double HandleSeconds, int? Csat);

/// <summary>A suggested contact to evaluate, with why it was picked. An evaluation made from it should carry
/// <paramref name="Selection"/> and <paramref name="InclusionProbability"/>, so the analysis can tell a random pick
/// from a targeted one.</summary>
/// <param name="InclusionProbability">The chance this contact had of being suggested: 1 for a targeted pick (the rule
/// names it), picks over pool size for a random one (drawn from the agent's channel after the targeted picks).</param>
public sealed record SamplingSuggestion(string AgentId, string InteractionId, Channel Channel, DateTimeOffset StartedAt, string Reason,
    EvaluationSelection Selection, double InclusionProbability);

/// <summary>Suggests contacts to evaluate per agent: first the targeted ones (the lowest CSAT answer at 1-2, the
/// longest contact among the agent's top tenth), then random contacts stratified by channel in proportion to the
/// agent's own mix. New hires get twice as many. Deterministic from the seed, so two people asking get one plan.</summary>
public static class SamplingPlanner
{
    public static List<SamplingSuggestion> Suggest(IReadOnlyList<SamplingCandidate> candidates, IReadOnlyDictionary<string, DateTimeOffset> hiredAt,
        DateOnly asOf, int perAgent, int seed, CadencePolicy policy)
    {
        var suggestions = new List<SamplingSuggestion>();
        foreach (var agent in candidates.GroupBy(c => c.AgentId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var pool = agent.OrderBy(c => c.InteractionId, StringComparer.Ordinal).ToList();
            var newHire = hiredAt.TryGetValue(agent.Key, out var hired) && asOf.DayNumber - DateOnly.FromDateTime(hired.UtcDateTime).DayNumber < policy.NewHireDays;
            var wanted = Math.Min(pool.Count, newHire ? 2 * perAgent : perAgent);
            var picked = new List<(SamplingCandidate Contact, string Reason, EvaluationSelection Selection)>();
            void Take(SamplingCandidate? c, string reason, EvaluationSelection selection)
            {
                if (c is null || picked.Count >= wanted || picked.Any(p => p.Contact.InteractionId == c.InteractionId)) return;
                picked.Add((c, newHire ? $"{reason}; new hire" : reason, selection));
            }

            Take(pool.Where(c => c.Csat is <= 2).OrderBy(c => c.Csat).ThenBy(c => c.StartedAt).FirstOrDefault(), "low CSAT", EvaluationSelection.Targeted);
            var longCut = pool.Select(c => c.HandleSeconds).Order().ElementAt((int)(0.9 * (pool.Count - 1)));
            Take(pool.Where(c => c.HandleSeconds >= longCut).OrderByDescending(c => c.HandleSeconds).FirstOrDefault(), "long handle time", EvaluationSelection.Targeted);

            var random = new Random(unchecked(seed * 31 + agent.Key.GetDeterministicHash()));
            var targeted = picked.Select(p => p.Contact.InteractionId).ToHashSet(StringComparer.Ordinal);
            var byChannel = pool.Where(c => !targeted.Contains(c.InteractionId)).GroupBy(c => c.Channel).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.OrderBy(_ => random.Next()).ToList());
            // Largest remaining share first, so small channels still get their turn as the plan grows.
            while (picked.Count < wanted)
            {
                var channel = byChannel.Where(p => p.Value.Count > 0)
                    .OrderBy(p => picked.Count(x => x.Contact.Channel == p.Key) / (double)agent.Count(c => c.Channel == p.Key))
                    .ThenBy(p => p.Key).Select(p => (Channel?)p.Key).FirstOrDefault();
                if (channel is not { } ch) break;
                var next = byChannel[ch][0];
                byChannel[ch].RemoveAt(0);
                Take(next, $"random ({ch.ToString().ToLowerInvariant()})", EvaluationSelection.Random);
            }
            // Random picks in a channel: every untargeted contact of that channel had the same chance.
            var poolSizes = pool.Where(c => !targeted.Contains(c.InteractionId)).GroupBy(c => c.Channel).ToDictionary(g => g.Key, g => g.Count());
            var drawn = picked.Where(p => p.Selection == EvaluationSelection.Random).GroupBy(p => p.Contact.Channel).ToDictionary(g => g.Key, g => g.Count());
            suggestions.AddRange(picked.Select(p => new SamplingSuggestion(agent.Key, p.Contact.InteractionId, p.Contact.Channel, p.Contact.StartedAt,
                p.Reason, p.Selection, p.Selection == EvaluationSelection.Random ? (double)drawn[p.Contact.Channel] / poolSizes[p.Contact.Channel] : 1.0)));
        }
        return suggestions;
    }
}

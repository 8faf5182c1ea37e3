using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Joins;

/// <summary>What an agent sees of one evaluation made of them: the current revision with its score and scorecard
/// version, the revisions it replaced, and when and on which channel the contact happened (if known yet).</summary>
[GenerateSerializer, Alias("qm.AgentEvaluation")]
public sealed record AgentEvaluation(ScoredEvaluation Current, List<ScoredEvaluation> EarlierRevisions, Channel? Channel, DateTimeOffset? ContactStartedAt);

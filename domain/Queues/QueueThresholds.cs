namespace QmInsights.Domain.Queues;

/// <summary>The centre's service targets for its queues (configuration keys <c>Centre:ServiceLevelSeconds</c> and
/// <c>Centre:ShortAbandonSeconds</c>).</summary>
/// <param name="ServiceLevelSeconds">A contact answered within this many seconds of waiting counts towards the service level.</param>
/// <param name="ShortAbandonSeconds">An abandoned contact that waited less than this is a short abandon: not offered, not abandoned.</param>
[GenerateSerializer, Alias("qm.QueueThresholds")]
public sealed record QueueThresholds(double ServiceLevelSeconds = 20, double ShortAbandonSeconds = 5);

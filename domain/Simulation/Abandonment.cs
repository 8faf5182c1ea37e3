using MathNet.Numerics.Distributions;
using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Simulation;

/// <summary>Callers who hang up in the queue. Each caller has an exponential patience of mean
/// <see cref="SimulationOptions.MeanPatienceSeconds"/> against an exponential wait (35 s, 90 s in December): a share
/// mean wait / (mean wait + mean patience) gives up, having waited the shorter of the two. Drawn from a random stream of
/// their own, so the handled contacts of a seed stay exactly what they were without abandonment.</summary>
internal static class Abandonment
{
    /// <summary>The abandoned caller (if any) who queued for <paramref name="handled"/>'s queue around the same time.</summary>
    public static Interaction? Beside(Interaction handled, double meanWaitSeconds, double meanPatienceSeconds, Random random)
    {
        if (handled.Channel == Channel.Email || meanPatienceSeconds <= 0) return null;
        var share = meanWaitSeconds / (meanWaitSeconds + meanPatienceSeconds);
        // One abandoned caller per handled one with probability share / (1 - share) keeps the abandoned share of offered calls at share.
        if (random.NextDouble() >= share / (1 - share)) return null;
        var waited = Exponential.Sample(random, 1 / meanWaitSeconds + 1 / meanPatienceSeconds);
        return new Interaction($"{handled.InteractionId}-ab", handled.Channel, null, null, handled.Queue,
            handled.StartedAt.AddSeconds(random.Next(-1800, 1800)), 0, null, Math.Round(waited, 3), null, ContactOutcome.Abandoned);
    }
}

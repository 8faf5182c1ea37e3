namespace QmInsights.Silo.Bench;

/// <summary>How long each kind of fact took to ingest, the kinds one after another (interactions first, so surveys and
/// evaluations join contacts already there, as in a real import).</summary>
public sealed record KindTimes(TimeSpan Interactions, TimeSpan Surveys, TimeSpan Evaluations)
{
    /// <summary>The three kinds together.</summary>
    public TimeSpan Total => Interactions + Surveys + Evaluations;
}

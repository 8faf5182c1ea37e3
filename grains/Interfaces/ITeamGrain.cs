namespace QmInsights.Grains.Interfaces;

/// <summary>One team's quality aggregates over the contacts its agents handled for it. Keyed by team id.</summary>
[Alias("qm.ITeamGrain")]
public interface ITeamGrain : IGrainWithStringKey, IQualityAggregateGrain;

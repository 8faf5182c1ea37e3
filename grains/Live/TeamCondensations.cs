using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Live;
using QmInsights.Domain.Periods;

namespace QmInsights.Grains.Live;

/// <summary>One silo's copy of each team's condensed tallies per summary range, and of the centre summaries built from
/// them, kept until the change feed says the team changed. A centre summary then asks the feed what changed and reads
/// only those teams again, instead of every team's grain on every request.</summary>
public sealed class TeamCondensations
{
    /// <summary>Ranges kept; one more drops them all (a dashboard asks for a handful, not hundreds).</summary>
    public const int Ranges = 32;

    private readonly Lock _gate = new();
    // Before the first sync nothing is known, and any version the feed answers is newer.
    private long _version = long.MinValue;
    private readonly Dictionary<SummaryRange, Dictionary<string, TeamPart>> _teams = new();
    private readonly Dictionary<SummaryRange, (IReadOnlyList<string> TeamIds, CentreSummary Summary)> _summaries = new();

    /// <summary>The feed version everything kept is at least as new as; what the next sync asks from.</summary>
    public long Version
    {
        get
        {
            lock (_gate) return _version;
        }
    }

    /// <summary>Forgets the teams <paramref name="changes"/> names (every team when the feed says reload) and every centre
    /// summary. Changes no newer than those already applied are ignored (a concurrent sync applied them).</summary>
    public void Apply(ChangesSince? changes)
    {
        if (changes is null) return;
        lock (_gate)
        {
            if (!changes.Reload && changes.Version <= _version) return;
            if (changes.Reload)
                _teams.Clear();
            else
                foreach (var byTeam in _teams.Values)
                    foreach (var team in changes.Change.Teams)
                        byTeam.Remove(team);
            _summaries.Clear();
            _version = changes.Version;
        }
    }

    /// <summary>The team's kept part for the range, or null.</summary>
    public TeamPart? Find(SummaryRange range, string teamId)
    {
        lock (_gate) return _teams.GetValueOrDefault(range)?.GetValueOrDefault(teamId);
    }

    /// <summary>Keeps a team's part read after the sync to <paramref name="version"/>; dropped when a later sync has
    /// happened since, because the part may predate a change that sync forgot.</summary>
    public void Keep(SummaryRange range, string teamId, TeamPart part, long version)
    {
        lock (_gate)
        {
            if (version != _version) return;
            if (!_teams.TryGetValue(range, out var byTeam))
            {
                if (_teams.Count >= Ranges) _teams.Clear();
                _teams[range] = byTeam = new Dictionary<string, TeamPart>(StringComparer.Ordinal);
            }
            byTeam[teamId] = part;
        }
    }

    /// <summary>The centre summary kept for the range if it was built over exactly <paramref name="teamIds"/>.</summary>
    public CentreSummary? FindSummary(SummaryRange range, IReadOnlyList<string> teamIds)
    {
        lock (_gate)
            return _summaries.TryGetValue(range, out var kept) && kept.TeamIds.SequenceEqual(teamIds, StringComparer.Ordinal) ? kept.Summary : null;
    }

    /// <summary>Keeps a centre summary built from parts read after the sync to <paramref name="version"/> (as <see cref="Keep"/>).</summary>
    public void KeepSummary(SummaryRange range, IReadOnlyList<string> teamIds, CentreSummary summary, long version)
    {
        lock (_gate)
        {
            if (version != _version) return;
            if (_summaries.Count >= Ranges) _summaries.Clear();
            _summaries[range] = (teamIds, summary);
        }
    }
}

/// <summary>What a centre summary asks each team for: days, trend period and channel.</summary>
public sealed record SummaryRange(DateOnly? From, DateOnly? To, TrendPeriod Period, Channel? Channel);

/// <summary>A team's tallies over a range summed by period start and channel, with the team's totals built from them.</summary>
public sealed record TeamPart(TallyMap<TallyBucket, QualityTally> Condensed, QualityFigures Totals);

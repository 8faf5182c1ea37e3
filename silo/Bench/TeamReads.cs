using System.Diagnostics;
using Npgsql;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Periods;
using QmInsights.Storage;
using QmInsights.Storage.Postgres;

namespace QmInsights.Silo.Bench;

/// <summary>What a team grain's rebuild costs on PostgreSQL, both ways on the same database in the same run: every team's
/// rows read and joined in the process (the rebuild before: one team at a time here, so the bench holds one team's rows,
/// not the centre's), and every team's tallies summed by PostgreSQL in one read (the rebuild now). Both must agree.</summary>
public sealed record TeamReads(int Teams, TimeSpan AsRows, TimeSpan AsSums)
{
    public static async Task<TeamReads> Measure(string connectionString, IReadOnlyList<string> teamIds, TextWriter log)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        IFactStore store = new PostgresFactStore(db);
        log.WriteLine($"  every team's tallies from PostgreSQL: as rows joined in process, one team at a time ...");
        var clock = Stopwatch.StartNew();
        var fromRows = new Dictionary<string, StoredTallies>(StringComparer.Ordinal);
        foreach (var team in teamIds)
            fromRows[team] = StoredTallies.Of(TallyOwner.Team, team, await store.LoadForTeam(team), CentreCalendar.Utc);
        var asRows = clock.Elapsed;
        log.WriteLine($"  ... {asRows.TotalSeconds:F2} s; summed by PostgreSQL in one read ...");
        clock.Restart();
        var fromSums = await store.LoadTallies(TallyOwner.Team, teamIds, CentreCalendar.Utc);
        var asSums = clock.Elapsed;
        log.WriteLine($"  ... {asSums.TotalSeconds:F2} s");
        foreach (var team in teamIds)
            if (!Agree(Total(fromRows[team].Tallies), Total(fromSums[team].Tallies)))
                throw new InvalidOperationException($"team {team}: the rows and the sums give different tallies");
        return new TeamReads(teamIds.Count, asRows, asSums);
    }

    private static QualityTally Total(TallyMap<TallyBucket, QualityTally> tallies)
    {
        var total = new QualityTally();
        foreach (var tally in tallies.Buckets.Values) total.Add(tally, 1);
        return total;
    }

    // Counts exactly; sums of doubles added in another order to nine significant digits.
    private static bool Agree(QualityTally a, QualityTally b) =>
        a.Interactions == b.Interactions && a.Surveys == b.Surveys && a.Regular.Count == b.Regular.Count && a.FcrResolved == b.FcrResolved
        && a.CsatSatisfied == b.CsatSatisfied && a.NpsPromoters == b.NpsPromoters && Close(a.Regular.Sum, b.Regular.Sum)
        && Close(a.HandleSeconds.Sum, b.HandleSeconds.Sum);

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
}

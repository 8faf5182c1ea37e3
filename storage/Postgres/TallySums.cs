using System.Data;
using Npgsql;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Periods;

namespace QmInsights.Storage.Postgres;

/// <summary>Agents' or teams' tallies summed where the facts lie: one GROUP BY per fact table over every agent or team
/// asked for, by the centre's local day and the contact's channel, with the rules of
/// <see cref="Domain.Joins.JoinContribution"/>: handled contacts count for their agent and team, their surveys on the day
/// answered; the latest revision of each evaluation counts on the day evaluated for its own agent and for the team of
/// its contact once an agent handled it; plus the tallies retired rows left. A restart thus moves a few thousand sums
/// per aggregate into the silo instead of every fact of the centre.</summary>
internal static class TallySums
{
    /// <summary>The three sums of one owner: contacts, surveys, evaluations. Each row starts with the owner's id, the day
    /// and the channel.</summary>
    private sealed record Queries(string Contacts, string Surveys, string Evaluations);

    private static readonly Queries OfTeams = For("team_id", "agent_id", $"""
        SELECT DISTINCT ON (e.evaluation_id) i.team_id AS owner_id, i.channel, e.evaluated_at, e.kind, e.score_percent, e.target_percent
        FROM qm_evaluations e JOIN qm_interactions i ON i.interaction_id = e.interaction_id WHERE {Handled("team_id", "agent_id")}
        ORDER BY e.evaluation_id, e.revision DESC
        """, "");

    // An agent's evaluations count whether or not their contact arrived (channel null until it does), under the agent
    // the latest revision names.
    private static readonly Queries OfAgents = For("agent_id", "team_id", """
        SELECT DISTINCT ON (e.evaluation_id) e.agent_id AS owner_id, i.channel, e.evaluated_at, e.kind, e.score_percent, e.target_percent
        FROM qm_evaluations e LEFT JOIN qm_interactions i ON i.interaction_id = e.interaction_id
        WHERE e.evaluation_id IN (SELECT evaluation_id FROM qm_evaluations WHERE agent_id = ANY($1))
        ORDER BY e.evaluation_id, e.revision DESC
        """, "WHERE owner_id = ANY($1)");

    // A contact counts for an agent and a team only when an agent handled it for a team.
    private static string Handled(string owner, string other) => $"i.{owner} = ANY($1) AND i.{other} IS NOT NULL AND i.outcome = 0";

    private static Queries For(string owner, string other, string latestEvaluations, string evaluationFilter) => new(
        $"""
        SELECT i.{owner}, (i.started_at AT TIME ZONE $2)::date, i.channel,
               count(*), sum(i.handle_seconds), sum(i.handle_seconds * i.handle_seconds),
               count(i.resolved_first_contact), count(*) FILTER (WHERE i.resolved_first_contact)
        FROM qm_interactions i WHERE {Handled(owner, other)}
        GROUP BY 1, 2, 3
        """,
        $"""
        SELECT i.{owner}, (s.answered_at AT TIME ZONE $2)::date, i.channel,
               count(*), count(s.csat), coalesce(sum(s.csat), 0), coalesce(sum(s.csat * s.csat), 0), count(*) FILTER (WHERE s.csat >= 4),
               count(s.nps), count(*) FILTER (WHERE s.nps >= 9), count(*) FILTER (WHERE s.nps <= 6)
        FROM qm_surveys s JOIN qm_interactions i ON i.interaction_id = s.interaction_id WHERE {Handled(owner, other)}
        GROUP BY 1, 2, 3
        """,
        $"""
        SELECT owner_id, (evaluated_at AT TIME ZONE $2)::date, channel, kind,
               count(score_percent), coalesce(sum(score_percent), 0), coalesce(sum(score_percent * score_percent), 0),
               count(*) - count(score_percent), coalesce(sum(target_percent) FILTER (WHERE score_percent IS NOT NULL), 0),
               count(*) FILTER (WHERE score_percent >= target_percent)
        FROM ({latestEvaluations}) latest {evaluationFilter}
        GROUP BY 1, 2, 3, 4
        """);

    /// <summary>The tallies of <paramref name="owner"/>s <paramref name="ids"/> on <paramref name="calendar"/>'s days, in one
    /// snapshot, with every batch id that snapshot holds (shared by all of them: a batch it holds is in their sums, one it
    /// lacks is not).</summary>
    public static async Task<Dictionary<string, StoredTallies>> Read(NpgsqlDataSource db, TallyOwner owner, IReadOnlyCollection<string> ids,
        CentreCalendar calendar)
    {
        var maps = ids.Distinct(StringComparer.Ordinal).ToDictionary(t => t, _ => new TallyMap<TallyBucket, QualityTally>(), StringComparer.Ordinal);
        var parameters = new object[] { maps.Keys.ToArray(), calendar.Zone.Id };
        var queries = owner == TallyOwner.Agent ? OfAgents : OfTeams;
        await using var connection = await db.OpenConnectionAsync();
        // One snapshot for the sums, the retired tallies and the batch ids, so the ids are exactly the batches summed.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        // The default 4 MB makes the survey and evaluation sorts of a large centre spill to disk; this read only.
        await using (var memory = new NpgsqlCommand("SET LOCAL work_mem = '64MB'", connection)) await memory.ExecuteNonQueryAsync();

        await Sum(connection, queries.Contacts, parameters, maps, r => new QualityTally
        {
            Interactions = r.GetInt64(3),
            HandleSeconds = Moments(r, 3),
            FcrKnown = r.GetInt64(6),
            FcrResolved = r.GetInt64(7),
        });
        await Sum(connection, queries.Surveys, parameters, maps, r => new QualityTally
        {
            Surveys = r.GetInt64(3),
            Csat = new ScoreMoments { Count = r.GetInt64(4), Sum = r.GetInt64(5), SumOfSquares = r.GetInt64(6) },
            CsatSatisfied = r.GetInt64(7),
            NpsResponses = r.GetInt64(8),
            NpsPromoters = r.GetInt64(9),
            NpsDetractors = r.GetInt64(10),
        });
        await Sum(connection, queries.Evaluations, parameters, maps, r =>
        {
            var tally = new QualityTally();
            var scored = Moments(r, 4);
            var unscored = r.GetInt64(7);
            switch ((EvaluationKind)r.GetInt16(3))
            {
                case EvaluationKind.Regular:
                    (tally.Regular, tally.RegularUnscored, tally.RegularTargetSum, tally.RegularAtTarget) = (scored, unscored, r.GetDouble(8), r.GetInt64(9));
                    break;
                case EvaluationKind.Calibration:
                    (tally.Calibration, tally.CalibrationUnscored) = (scored, unscored);
                    break;
                case EvaluationKind.Self:
                    (tally.Self, tally.SelfUnscored) = (scored, unscored);
                    break;
            }
            return tally;
        });
        foreach (var (id, map) in maps)
        {
            var retired = owner == TallyOwner.Agent
                ? (await RetiredTallies.Read(connection, RetiredTallies.Agent, id)).Agents
                : (await RetiredTallies.Read(connection, RetiredTallies.Team, id)).Teams;
            if (retired.TryGetValue(id, out var kept)) map.Merge(kept);
        }
        var batches = await BatchIds(connection);
        await transaction.CommitAsync();
        return maps.ToDictionary(p => p.Key, p => new StoredTallies(p.Value, batches), StringComparer.Ordinal);
    }

    /// <summary>Adds each row of <paramref name="sql"/> (owner, day, channel, then sums) to its owner's map as
    /// <paramref name="tally"/> reads it.</summary>
    private static async Task Sum(NpgsqlConnection connection, string sql, object[] parameters,
        Dictionary<string, TallyMap<TallyBucket, QualityTally>> maps, Func<NpgsqlDataReader, QualityTally> tally)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new() { Value = parameter });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var channel = reader.IsDBNull(2) ? (Channel?)null : (Channel)reader.GetInt16(2);
            maps[reader.GetString(0)].Add(new TallyBucket(reader.GetFieldValue<DateOnly>(1), channel), tally(reader), 1);
        }
    }

    /// <summary>Count, sum and sum of squares in three columns from <paramref name="first"/>.</summary>
    private static ScoreMoments Moments(NpgsqlDataReader reader, int first) =>
        new() { Count = reader.GetInt64(first), Sum = reader.GetDouble(first + 1), SumOfSquares = reader.GetDouble(first + 2) };

    private static async Task<HashSet<long>> BatchIds(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT batch_id FROM qm_batches", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new HashSet<long>();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
        return ids;
    }
}

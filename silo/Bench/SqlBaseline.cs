using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace QmInsights.Silo.Bench;

/// <summary>What a user would otherwise build on PostgreSQL alone: COPY the same rows into plain tables, index them,
/// and answer a summary with SQL GROUP BYs (totals and a weekly trend, the same numbers the engine serves).</summary>
public sealed record SqlBaseline(KindTimes Copy, TimeSpan Index, Latency Agents, Latency Teams, Dictionary<string, (long Evaluations, double? QaScore)> AgentTotals)
{
    private const string Schema = """
        CREATE TABLE b_interactions (interaction_id text PRIMARY KEY, channel smallint, agent_id text, team_id text, queue text,
            started_at timestamptz, handle_seconds double precision, fcr boolean);
        CREATE TABLE b_surveys (interaction_id text PRIMARY KEY, answered_at timestamptz, csat smallint, nps smallint);
        CREATE TABLE b_evaluations (evaluation_id text PRIMARY KEY, interaction_id text, agent_id text, kind smallint,
            evaluated_at timestamptz, score double precision, target double precision);
        """;

    private const string Indexes = """
        CREATE INDEX ON b_interactions (agent_id); CREATE INDEX ON b_interactions (team_id);
        CREATE INDEX ON b_evaluations (agent_id); CREATE INDEX ON b_evaluations (interaction_id);
        ANALYZE;
        """;

    // $1 selects the agent's (or team's) contacts; evaluations belong to the agent they name, or to the contact's team.
    private const string Summary = """
        WITH i AS (SELECT * FROM b_interactions WHERE {0} = $1),
        e AS (SELECT e.* FROM b_evaluations e {1} WHERE {2} = $1 AND e.kind = 0 AND e.score IS NOT NULL),
        s AS (SELECT s.* FROM b_surveys s JOIN i USING (interaction_id))
        SELECT (SELECT count(*) FROM e), (SELECT avg(score) FROM e), (SELECT stddev_samp(score) FROM e),
               (SELECT avg((score >= target)::int) FROM e),
               (SELECT count(*) FROM i), (SELECT avg(handle_seconds) FROM i), (SELECT avg(fcr::int) FROM i WHERE fcr IS NOT NULL),
               (SELECT count(*) FROM s), (SELECT 100.0 * avg((csat >= 4)::int) FROM s WHERE csat IS NOT NULL),
               (SELECT 100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / nullif(count(nps), 0) FROM s)
        """;

    private const string Trend = """
        WITH i AS (SELECT * FROM b_interactions WHERE {0} = $1),
        e AS (SELECT e.* FROM b_evaluations e {1} WHERE {2} = $1 AND e.kind = 0 AND e.score IS NOT NULL),
        s AS (SELECT s.* FROM b_surveys s JOIN i USING (interaction_id)),
        weeks AS (
            SELECT date_trunc('week', started_at) w, count(*) n, avg(handle_seconds) aht, avg(fcr::int) fcr, null::float8 qa, null::bigint evals, null::float8 csat FROM i GROUP BY 1
            UNION ALL SELECT date_trunc('week', evaluated_at), null, null, null, avg(score), count(*), null FROM e GROUP BY 1
            UNION ALL SELECT date_trunc('week', answered_at), null, null, null, null, null, 100.0 * avg((csat >= 4)::int) FROM s GROUP BY 1)
        SELECT w, max(n), max(aht), max(fcr), max(qa), max(evals), max(csat) FROM weeks GROUP BY w ORDER BY w
        """;

    /// <summary>COPY timed after one unmeasured COPY of the same rows into a scratch database: the first run of this code in
    /// the process is still being compiled and would be timed several times slower than COPY really is.</summary>
    public static async Task<SqlBaseline> Measure(BenchData data, ThrowAwayPostgres postgres)
    {
        await using (var warmUp = NpgsqlDataSource.Create(await postgres.CreateDatabase("bench_sql_warm_up"))) await TimeCopy(warmUp, data);
        await using var db = NpgsqlDataSource.Create(await postgres.CreateDatabase("bench_sql"));
        var copyTime = await TimeCopy(db, data);
        var clock = Stopwatch.StartNew();
        await using (var index = db.CreateCommand(Indexes)) await index.ExecuteNonQueryAsync();
        var indexTime = clock.Elapsed;

        var agentSql = (string.Format(Summary, "agent_id", "", "e.agent_id"), string.Format(Trend, "agent_id", "", "e.agent_id"));
        var teamSql = (string.Format(Summary, "team_id", "JOIN b_interactions x USING (interaction_id)", "x.team_id"),
            string.Format(Trend, "team_id", "JOIN b_interactions x USING (interaction_id)", "x.team_id"));
        var agentIds = data.Centre.Agents.Select(a => a.AgentId).ToList();
        var agents = await Latency.Measure(agentIds, 3, id => Query(db, agentSql, id));
        var teams = await Latency.Measure(data.Centre.TeamIds, 10, id => Query(db, teamSql, id));

        var totals = new Dictionary<string, (long, double?)>();
        foreach (var id in agentIds.Take(5))
        {
            await using var command = db.CreateCommand(agentSql.Item1);
            command.Parameters.Add(new() { Value = id });
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            totals[id] = (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetDouble(1));
        }
        return new SqlBaseline(copyTime, indexTime, agents, teams, totals);
    }

    /// <summary>Binary COPY of the bench's rows into fresh plain tables (no index but the keys), one table after another
    /// on one connection, timed per table.</summary>
    public static async Task<KindTimes> TimeCopy(NpgsqlDataSource db, BenchData data)
    {
        await using (var create = db.CreateCommand(Schema)) await create.ExecuteNonQueryAsync();
        var clock = Stopwatch.StartNew();
        TimeSpan interactions, surveys;
        await using (var connection = await db.OpenConnectionAsync())
        {
            await using (var copy = await connection.BeginBinaryImportAsync("COPY b_interactions FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var i in data.Interactions)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(i.InteractionId, NpgsqlDbType.Text);
                    await copy.WriteAsync((short)i.Channel, NpgsqlDbType.Smallint);
                    // The bench's contacts are handled ones: an agent and a team each.
                    await copy.WriteAsync(i.AgentId!, NpgsqlDbType.Text);
                    await copy.WriteAsync(i.TeamId!, NpgsqlDbType.Text);
                    await copy.WriteAsync(i.Queue, NpgsqlDbType.Text);
                    await copy.WriteAsync(i.StartedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(i.HandleSeconds, NpgsqlDbType.Double);
                    if (i.ResolvedFirstContact is { } fcr) await copy.WriteAsync(fcr, NpgsqlDbType.Boolean); else await copy.WriteNullAsync();
                }
                await copy.CompleteAsync();
            }
            interactions = clock.Elapsed;
            clock.Restart();
            await using (var copy = await connection.BeginBinaryImportAsync("COPY b_surveys FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var s in data.Surveys)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(s.InteractionId, NpgsqlDbType.Text);
                    await copy.WriteAsync(s.AnsweredAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                    if (s.Csat is { } csat) await copy.WriteAsync((short)csat, NpgsqlDbType.Smallint); else await copy.WriteNullAsync();
                    if (s.Nps is { } nps) await copy.WriteAsync((short)nps, NpgsqlDbType.Smallint); else await copy.WriteNullAsync();
                }
                await copy.CompleteAsync();
            }
            surveys = clock.Elapsed;
            clock.Restart();
            await using (var copy = await connection.BeginBinaryImportAsync("COPY b_evaluations FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (e, score) in data.Evaluations)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(e.EvaluationId, NpgsqlDbType.Text);
                    await copy.WriteAsync(e.InteractionId, NpgsqlDbType.Text);
                    await copy.WriteAsync(e.AgentId, NpgsqlDbType.Text);
                    await copy.WriteAsync((short)e.Kind, NpgsqlDbType.Smallint);
                    await copy.WriteAsync(e.EvaluatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                    if (score.Percent is { } p) await copy.WriteAsync(p, NpgsqlDbType.Double); else await copy.WriteNullAsync();
                    await copy.WriteAsync(score.TargetPercent, NpgsqlDbType.Double);
                }
                await copy.CompleteAsync();
            }
        }
        return new KindTimes(interactions, surveys, clock.Elapsed);
    }

    private static async Task Query(NpgsqlDataSource db, (string Totals, string Trend) sql, string id)
    {
        foreach (var text in new[] { sql.Totals, sql.Trend })
        {
            await using var command = db.CreateCommand(text);
            command.Parameters.Add(new() { Value = id });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) { }
        }
    }
}

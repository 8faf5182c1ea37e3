using System.Collections.Immutable;
using Npgsql;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Periods;
using QmInsights.Domain.Retention;
using QmInsights.Domain.Scorecards;
using QmInsights.Storage;

namespace QmInsights.Storage.Postgres;

/// <summary>PostgreSQL as the system of record: shard commits are written as binary COPYs with their outbox rows, those
/// that arrive together in one transaction (<see cref="GroupCommit"/>), and every derived grain rebuilds from these tables
/// at activation.</summary>
public sealed class PostgresFactStore(NpgsqlDataSource db) : IFactStore
{
    // Ids cannot hold control characters, so these separators cannot occur inside them.
    private const char EntrySeparator = '\u001f';
    private const char ValueSeparator = '\u001e';

    public bool IsDurable => true;

    private readonly GroupCommit _group = new(commits => Write(db, commits));

    public async Task<long?> Commit(int shard, ShardCommit commit) => await _group.Commit(shard, commit);

    /// <summary>One transaction for several shard commits: an outbox row per commit (its batch id is what aggregates
    /// count once), then one binary COPY per fact table for all of them, its rows encoded by <see cref="BinaryCopyRows"/>.</summary>
    private static async Task<IReadOnlyList<long>> Write(NpgsqlDataSource db, IReadOnlyList<(int Shard, ShardCommit Commit)> commits)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var batchIds = await InsertBatches(connection, transaction, commits);
        var facts = commits.Select((c, i) => (c.Shard, BatchId: batchIds[i], c.Commit)).ToList();

        // Each row starts with its shard and batch id (Copy writes them); then the fact's own columns.
        await Copy(connection, facts, c => c.Interactions, 13, (row, i) =>
        {
            row.Text(i.InteractionId);
            row.Int16((short)i.Channel);
            row.Text(i.AgentId); row.Text(i.TeamId); row.Text(i.Queue);
            row.Timestamp(i.StartedAt);
            row.Double(i.HandleSeconds); row.Double(i.AfterCallWorkSeconds); row.Double(i.WaitSeconds);
            row.Bool(i.ResolvedFirstContact);
            row.Int16((short)i.Outcome);
        }, "qm_interactions (shard, batch_id, interaction_id, channel, agent_id, team_id, queue, started_at, handle_seconds, after_call_work_seconds, wait_seconds, resolved_first_contact, outcome)");

        await Copy(connection, facts, c => c.Surveys, 6, (row, s) =>
        {
            row.Text(s.InteractionId);
            row.Timestamp(s.AnsweredAt);
            row.Int16((short?)s.Csat); row.Int16((short?)s.Nps);
        }, "qm_surveys (shard, batch_id, interaction_id, answered_at, csat, nps)");

        await Copy(connection, facts, c => c.Evaluations, 22, (row, scored) =>
        {
            var (e, score) = scored;
            row.Text(e.EvaluationId); row.Int32(e.Revision); row.Text(e.InteractionId); row.Int32(Shards.Of(e.EvaluationId));
            row.Text(e.AgentId); row.Text(e.EvaluatorId);
            row.Text(e.ScorecardId); row.Int32(e.ScorecardVersion);
            row.Int16((short)e.Kind);
            row.Timestamp(e.EvaluatedAt);
            row.Text(string.Join(EntrySeparator, e.Answers.Select(a => $"{a.ItemId}{ValueSeparator}{(int)a.Answer}")));
            row.Text(e.Comment);
            row.Double(score.Percent); row.Bool(score.CriticalFailed); row.Double(score.WeightedEarned); row.Double(score.WeightedPossible);
            row.Int32(score.ScorecardVersion); row.Double(score.TargetPercent);
            row.Int16((short)e.Selection); row.Double(e.InclusionProbability);
        }, "qm_evaluations (shard, batch_id, evaluation_id, revision, interaction_id, id_shard, agent_id, evaluator_id, scorecard_id, scorecard_version, kind, evaluated_at, answers, comment, score_percent, critical_failed, weighted_earned, weighted_possible, scored_version, target_percent, selection, inclusion_probability)");

        await transaction.CommitAsync();
        return batchIds;
    }

    /// <summary>One table's rows of every commit, sent as one raw binary COPY into <paramref name="table"/> (its name and
    /// columns): each row's <paramref name="fields"/> are the commit's shard and batch id, then the fact's as
    /// <paramref name="write"/> puts them. Nothing is sent when the commits hold no such fact.</summary>
    private static async Task Copy<T>(NpgsqlConnection connection, IReadOnlyList<(int Shard, long BatchId, ShardCommit Commit)> facts,
        Func<ShardCommit, IEnumerable<T>> of, short fields, Action<BinaryCopyRows, T> write, string table)
    {
        var rows = new BinaryCopyRows();
        foreach (var (shard, batchId, commit) in facts)
            foreach (var fact in of(commit))
            {
                rows.StartRow(fields);
                rows.Int32(shard);
                rows.Int64(batchId);
                write(rows, fact);
            }
        if (rows.Rows == 0) return;
        await using var stream = await connection.BeginRawBinaryCopyAsync($"COPY {table} FROM STDIN (FORMAT BINARY)");
        await stream.WriteAsync(rows.Complete());
    }

    /// <summary>The outbox rows of the commits, in one round trip: each names the aggregates its commit changes.</summary>
    private static async Task<List<long>> InsertBatches(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<(int Shard, ShardCommit Commit)> commits)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (shard, commit) in commits)
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "INSERT INTO qm_batches (shard, agents, teams, scorecards) VALUES ($1, $2, $3, $4) RETURNING batch_id")
            {
                Parameters =
                {
                    new() { Value = shard }, new() { Value = commit.Agents.ToArray() },
                    new() { Value = commit.Teams.ToArray() }, new() { Value = commit.Scorecards.ToArray() },
                },
            });
        var ids = new List<long>(commits.Count);
        await using var reader = await batch.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
        } while (await reader.NextResultAsync());
        return ids;
    }

    public async Task MarkApplied(IReadOnlyCollection<long> batchIds)
    {

        await using var command = db.CreateCommand("UPDATE qm_batches SET applied = true WHERE batch_id = ANY($1) AND NOT applied");
        command.Parameters.Add(new() { Value = batchIds.ToArray() });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<PendingBatch>> Pending(TimeSpan olderThan)
    {
        await using var command = db.CreateCommand(
            "SELECT batch_id, agents, teams, scorecards FROM qm_batches WHERE NOT applied AND created_at < now() - $1 ORDER BY batch_id");
        command.Parameters.Add(new() { Value = olderThan });
        var pending = new List<PendingBatch>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            pending.Add(new PendingBatch(reader.GetInt64(0), reader.GetFieldValue<string[]>(1),
                reader.GetFieldValue<string[]>(2), reader.GetFieldValue<string[]>(3)));
        return pending;
    }

    public Task<StoredRows> LoadShard(int shard, ShardSlice? slice = null)
    {
        var filter = "t.shard = $1";
        var parameters = new List<object> { shard };
        string Next(object value)
        {
            parameters.Add(value);
            return "$" + parameters.Count;
        }
        if (slice?.InteractionIds is { } ids) filter += $" AND t.interaction_id = ANY({Next(ids.ToArray())})";
        if (slice?.AgentId is { } agent)
        {
            var a = Next(agent);
            filter += $" AND t.interaction_id IN (SELECT interaction_id FROM qm_interactions WHERE agent_id = {a} " +
                      $"UNION SELECT interaction_id FROM qm_evaluations WHERE agent_id = {a})";
        }
        if (slice is { Since: not null } or { Before: not null })
        {
            // Through the (shard, started_at) index: only the window's contacts are read.
            var window = "SELECT interaction_id FROM qm_interactions WHERE shard = $1" +
                         (slice.Since is { } since ? $" AND started_at >= {Next(since.UtcDateTime)}" : "") +
                         (slice.Before is { } before ? $" AND started_at < {Next(before.UtcDateTime)}" : "");
            // Rows whose contact has not arrived belong to the newest slice, the one without an end.
            var waiting = slice.Before is null
                ? " OR NOT EXISTS (SELECT 1 FROM qm_interactions c WHERE c.interaction_id = t.interaction_id)"
                : "";
            filter += $" AND (t.interaction_id IN ({window}){waiting})";
        }
        return Load(filter, null, [.. parameters]);
    }

    public async Task<bool> HoldsContactsBefore(int shard, DateTimeOffset before)
    {
        // One probe of the (shard, started_at) index.
        await using var command = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM qm_interactions WHERE shard = $1 AND started_at < $2)");
        command.Parameters.Add(new() { Value = shard });
        command.Parameters.Add(new() { Value = before.UtcDateTime });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    public Task<StoredRows> LoadForAgent(string agentId) => Load(
        "t.interaction_id IN (SELECT interaction_id FROM qm_interactions WHERE agent_id = $1 " +
        "UNION SELECT interaction_id FROM qm_evaluations WHERE agent_id = $1)", RetiredTallies.Agent, agentId);

    public Task<StoredRows> LoadForTeam(string teamId) =>
        Load("t.interaction_id IN (SELECT interaction_id FROM qm_interactions WHERE team_id = $1)", RetiredTallies.Team, teamId);

    public Task<Dictionary<string, StoredTallies>> LoadTallies(TallyOwner owner, IReadOnlyCollection<string> ids, CentreCalendar calendar) =>
        TallySums.Read(db, owner, ids, calendar);

    public Task<StoredRows> LoadForScorecard(string scorecardId) =>
        Load("t.interaction_id IN (SELECT interaction_id FROM qm_evaluations WHERE scorecard_id = $1)", RetiredTallies.Scorecard, scorecardId);

    public async Task Retire(int shard, Retirement retirement)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var table in new[] { "qm_evaluations", "qm_surveys", "qm_interactions" })
        {
            await using var delete = new NpgsqlCommand($"DELETE FROM {table} WHERE shard = $1 AND interaction_id = ANY($2)", connection, transaction);
            delete.Parameters.Add(new() { Value = shard });
            delete.Parameters.Add(new() { Value = retirement.InteractionIds.ToArray() });
            await delete.ExecuteNonQueryAsync();
        }
        await RetiredTallies.Write(connection, retirement.Kept);
        await transaction.CommitAsync();
    }

    public async Task DiscardRetiredTallies(DateOnly earliest, DateOnly latest)
    {
        // A day stored as 'infinity' (DateOnly.MaxValue) is later than any date, so it goes too.
        await using var command = db.CreateCommand("DELETE FROM qm_retired_tallies WHERE day < $1 OR day > $2");
        command.Parameters.Add(new() { Value = earliest });
        command.Parameters.Add(new() { Value = latest });
        await command.ExecuteNonQueryAsync();
    }

    public async Task ForgetAgentTallies(string agentId)
    {
        // The outbox rows name the agents a batch changed: the erased id goes from there too.
        await using var batch = new NpgsqlBatch
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("DELETE FROM qm_retired_tallies WHERE target_kind = $1 AND target_id = $2")
                    { Parameters = { new() { Value = RetiredTallies.Agent }, new() { Value = agentId } } },
                new NpgsqlBatchCommand("UPDATE qm_batches SET agents = array_remove(agents, $1) WHERE $1 = ANY(agents)")
                    { Parameters = { new() { Value = agentId } } },
            },
        };
        await using var connection = await db.OpenConnectionAsync();
        batch.Connection = connection;
        await batch.ExecuteNonQueryAsync();
    }

    public async Task<Dictionary<string, string>> LoadEvaluationBindings(int indexShard)
    {
        await using var command = db.CreateCommand("SELECT DISTINCT evaluation_id, interaction_id FROM qm_evaluations WHERE id_shard = $1");
        command.Parameters.Add(new() { Value = indexShard });
        var bindings = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) bindings[reader.GetString(0)] = reader.GetString(1);
        return bindings;
    }

    /// <summary>The interaction rows matching <paramref name="filter"/> (a condition on interaction_id or shard,
    /// columns every fact table has), with every revision of their evaluations.</summary>
    // The filter's $1 is the first parameter: the shard, or the agent, team or scorecard whose retired tallies come too.
    private async Task<StoredRows> Load(string filter, short? retiredKind, params object[] parameters)
    {
        var rows = new Dictionary<string, InteractionJoin>(StringComparer.Ordinal);
        var batches = new HashSet<long>();
        InteractionJoin Row(string id) => rows.TryGetValue(id, out var row) ? row : rows[id] = new InteractionJoin();

        await using var connection = await db.OpenConnectionAsync();
        await using (var reader = await Query(connection,
            "SELECT interaction_id, batch_id, channel, agent_id, team_id, queue, started_at, handle_seconds, after_call_work_seconds, wait_seconds, resolved_first_contact, outcome FROM qm_interactions t WHERE " + filter, parameters))
            while (await reader.ReadAsync())
            {
                batches.Add(reader.GetInt64(1));
                Row(reader.GetString(0)).Interaction = new Interaction(reader.GetString(0), (Channel)reader.GetInt16(2),
                    Text(reader, 3), Text(reader, 4), reader.GetString(5), Utc(reader.GetDateTime(6)), reader.GetDouble(7),
                    Nullable<double>(reader, 8), Nullable<double>(reader, 9), Nullable<bool>(reader, 10), (ContactOutcome)reader.GetInt16(11));
            }

        await using (var reader = await Query(connection,
            "SELECT interaction_id, batch_id, answered_at, csat, nps FROM qm_surveys t WHERE " + filter, parameters))
            while (await reader.ReadAsync())
            {
                batches.Add(reader.GetInt64(1));
                Row(reader.GetString(0)).Survey = new Survey(reader.GetString(0), Utc(reader.GetDateTime(2)),
                    Nullable<short>(reader, 3), Nullable<short>(reader, 4));
            }

        await using (var reader = await Query(connection,
            $"SELECT {EvaluationColumns} FROM qm_evaluations t WHERE {filter} ORDER BY evaluation_id, revision", parameters))
            while (await reader.ReadAsync())
            {
                batches.Add(reader.GetInt64(3));
                var scored = ReadEvaluation(reader);
                var evaluation = scored.Evaluation;
                var row = Row(evaluation.InteractionId);
                // Ordered by revision: a later one replaces the one before it, which is kept for the agent to see.
                var earlier = row.Evaluations.FindIndex(e => e.Evaluation.EvaluationId == evaluation.EvaluationId);
                if (earlier >= 0)
                {
                    row.Replaced.Add(row.Evaluations[earlier]);
                    row.Evaluations.RemoveAt(earlier);
                }
                row.Evaluations.Add(scored);
            }
        var retired = retiredKind is { } kind ? await RetiredTallies.Read(connection, kind, (string)parameters[0]) : new AggregateChanges();
        return new StoredRows(rows, batches, retired);
    }

    private const string EvaluationColumns =
        "evaluation_id, revision, interaction_id, batch_id, agent_id, evaluator_id, scorecard_id, scorecard_version, kind, evaluated_at, " +
        "answers, comment, score_percent, critical_failed, weighted_earned, weighted_possible, scored_version, target_percent, " +
        "selection, inclusion_probability";

    /// <summary>An evaluation and its stored score from a row with <see cref="EvaluationColumns"/>.</summary>
    private static ScoredEvaluation ReadEvaluation(NpgsqlDataReader reader) => new(
        new Evaluation(reader.GetString(0), reader.GetString(2), reader.GetString(4), reader.GetString(5),
            reader.GetString(6), Nullable<int>(reader, 7), (EvaluationKind)reader.GetInt16(8), Utc(reader.GetDateTime(9)),
            Answers(reader.GetString(10)), Text(reader, 11), reader.GetInt32(1),
            (EvaluationSelection)reader.GetInt16(18), reader.IsDBNull(19) ? null : reader.GetDouble(19)),
        new EvaluationScore(reader.IsDBNull(12) ? null : reader.GetDouble(12), reader.GetBoolean(13),
            reader.GetDouble(14), reader.GetDouble(15), reader.GetInt32(16), reader.GetDouble(17)));

    public async IAsyncEnumerable<ScoredEvaluation> AllEvaluations()
    {
        await using var command = db.CreateCommand($"SELECT {EvaluationColumns} FROM qm_evaluations ORDER BY evaluation_id, revision");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) yield return ReadEvaluation(reader);
    }

    public async Task UpdateScores(IReadOnlyList<ScoredEvaluation> evaluations)
    {
        await using var command = db.CreateCommand("""
            UPDATE qm_evaluations e SET score_percent = u.percent, critical_failed = u.critical, weighted_earned = u.earned,
                weighted_possible = u.possible, scored_version = u.version, target_percent = u.target
            FROM unnest($1::text[], $2::int[], $3::float8[], $4::bool[], $5::float8[], $6::float8[], $7::int[], $8::float8[])
                AS u(id, revision, percent, critical, earned, possible, version, target)
            WHERE e.evaluation_id = u.id AND e.revision = u.revision
            """);
        command.Parameters.Add(new() { Value = evaluations.Select(e => e.Evaluation.EvaluationId).ToArray() });
        command.Parameters.Add(new() { Value = evaluations.Select(e => e.Evaluation.Revision).ToArray() });
        command.Parameters.Add(new() { Value = evaluations.Select(e => e.Score.Percent).ToArray() });
        command.Parameters.Add(new() { Value = evaluations.Select(e => e.Score.CriticalFailed).ToArray() });
        command.Parameters.Add(new() { Value = evaluations.Select(e => e.Score.WeightedEarned).ToArray() });
        command.Parameters.Add(new() { Value = evaluations.Select(e => e.Score.WeightedPossible).ToArray() });
        command.Parameters.Add(new() { Value = evaluations.Select(e => e.Score.ScorecardVersion).ToArray() });
        command.Parameters.Add(new() { Value = evaluations.Select(e => e.Score.TargetPercent).ToArray() });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<(List<string> Agents, List<string> Teams, List<string> Scorecards)> AggregateIds() => (
        // Abandoned contacts have no agent and no team.
        await Strings("SELECT agent_id FROM qm_interactions WHERE agent_id IS NOT NULL UNION SELECT agent_id FROM qm_evaluations " +
                      $"UNION SELECT target_id FROM qm_retired_tallies WHERE target_kind = {RetiredTallies.Agent} ORDER BY 1"),
        await Strings($"SELECT team_id FROM qm_interactions WHERE team_id IS NOT NULL UNION SELECT target_id FROM qm_retired_tallies WHERE target_kind = {RetiredTallies.Team} ORDER BY 1"),
        await Strings("SELECT scorecard_id FROM qm_evaluations " +
                      $"UNION SELECT target_id FROM qm_retired_tallies WHERE target_kind = {RetiredTallies.Scorecard} ORDER BY 1"));

    private async Task<List<string>> Strings(string sql)
    {
        await using var command = db.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    private static async Task<NpgsqlDataReader> Query(NpgsqlConnection connection, string sql, object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new() { Value = parameter });
        return await command.ExecuteReaderAsync();
    }

    private static ImmutableArray<ItemResponse> Answers(string text) =>
        text.Length == 0 ? []
            : text.Split(EntrySeparator).Select(entry =>
            {
                var parts = entry.Split(ValueSeparator);
                return new ItemResponse(parts[0], (ItemAnswer)int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
            }).ToImmutableArray();

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static T? Nullable<T>(NpgsqlDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}

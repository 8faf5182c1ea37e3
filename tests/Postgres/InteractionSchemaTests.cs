using Npgsql;
using QmInsights.Domain.Facts;
using QmInsights.Storage;
using QmInsights.Storage.Postgres;

namespace QmInsights.Tests.Postgres;

/// <summary>The fact store keeps millisecond durations and abandoned contacts, and a database made before they
/// existed is brought up to date at start-up, as often as the schema is applied.</summary>
public sealed class InteractionSchemaTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    // The interactions table as databases created before December 2026 have it.
    private const string OldTable = """
        CREATE TABLE qm_interactions (
            interaction_id text PRIMARY KEY, shard integer NOT NULL, batch_id bigint NOT NULL, channel smallint NOT NULL,
            agent_id text NOT NULL, team_id text NOT NULL, queue text NOT NULL, started_at timestamptz NOT NULL,
            handle_seconds integer NOT NULL, after_call_work_seconds integer, wait_seconds integer, resolved_first_contact boolean);
        INSERT INTO qm_interactions VALUES ('old', 7, 1, 0, 'a1', 't1', 'billing', '2026-03-04T10:00:00Z', 300, 20, 15, true);
        """;

    [Fact]
    public async Task An_old_database_is_migrated_idempotently_and_keeps_its_contacts()
    {
        var connectionString = await server.CreateDatabase("migrate");
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using (var create = db.CreateCommand(OldTable)) await create.ExecuteNonQueryAsync();

        await DatabaseSchema.ApplyAsync(connectionString);
        await DatabaseSchema.ApplyAsync(connectionString);

        var store = new PostgresFactStore(db);
        var abandoned = new Interaction("gone", Channel.Call, null, null, "billing", new DateTimeOffset(2026, 3, 4, 10, 1, 0, TimeSpan.Zero),
            0, null, 42.125, null, ContactOutcome.Abandoned);
        var handled = new Interaction("new", Channel.Chat, "a1", "t1", "billing", new DateTimeOffset(2026, 3, 4, 10, 2, 0, TimeSpan.Zero),
            998.7, 12.5, 3.25, false);
        await store.Commit(7, new ShardCommit([abandoned, handled], [], [], ["a1"], ["t1"], []));

        var rows = (await store.LoadShard(7)).Rows;
        Assert.Equal(new Interaction("old", Channel.Call, "a1", "t1", "billing", new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero),
            300, 20, 15, true), rows["old"].Interaction);
        Assert.Equal(abandoned, rows["gone"].Interaction);
        Assert.Equal(handled, rows["new"].Interaction);
    }
}

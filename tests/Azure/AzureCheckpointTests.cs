using System.IO.Compression;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Retention;
using QmInsights.Domain.Scorecards;
using QmInsights.Storage;
using QmInsights.Storage.Azure;

namespace QmInsights.Tests.Azure;

/// <summary>Checkpoints of the Azure fact log: a shard's commit blobs folded into one checkpoint blob and deleted. Each
/// test reads through a second store on the same account (a silo started afresh) and compares with what the log gave
/// before the fold, so a checkpoint is judged by the one thing it must do: change how the log is read, never what.</summary>
public sealed class AzureCheckpointTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    private const int Shard = 3;
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_checkpoint_and_the_commits_after_it_read_back_as_the_whole_log()
    {
        // The same commits on two accounts: one folded part-way through, the other never.
        var (folded, plain) = (await NewAccount(), await NewAccount());
        var store = await Store(folded);
        var reference = await Store(plain);
        async Task CommitBoth(int shard, int i)
        {
            await store.Commit(shard, Batch(i));
            await reference.Commit(shard, Batch(i));
        }
        for (var i = 0; i < 5; i++) await CommitBoth(Shard, i);
        await CommitBoth(Shard + 1, 9);

        await store.Checkpoint(Shard);
        Assert.All(await CommitBlobs(folded), name => Assert.StartsWith(CommitsOf(Shard + 1), name));
        Assert.Equal(Json(await Everything(await Store(plain))), Json(await Everything(await Store(folded))));

        for (var i = 5; i < 8; i++) await CommitBoth(Shard, i);
        Assert.Equal(3, (await CommitBlobs(folded)).Count(n => n.StartsWith(CommitsOf(Shard), StringComparison.Ordinal)));
        var whole = Json(await Everything(await Store(plain)));
        Assert.Equal(whole, Json(await Everything(await Store(folded))));

        // Folding again takes the later commits; the log still reads the same.
        await store.Checkpoint(Shard);
        Assert.Equal(whole, Json(await Everything(await Store(folded))));
    }

    [Fact]
    public async Task Loading_a_shard_reads_that_shard_alone()
    {
        var account = await NewAccount();
        var store = await Store(account);
        await store.Commit(Shard, Batch(0));
        // A blob of another shard that cannot be read: a load of this shard never touches it, a team's load does.
        await Container(account).GetBlobClient($"{CommitsOf(Shard + 1)}{1:D19}").UploadAsync(BinaryData.FromString("not a commit"));

        var fresh = await Store(account);
        Assert.Equal(["i-0-0", "i-0-1"], (await fresh.LoadShard(Shard)).Rows.Keys.Order(StringComparer.Ordinal));
        await Assert.ThrowsAnyAsync<InvalidDataException>(() => fresh.LoadForTeam("tm-1"));
    }

    [Fact]
    public async Task A_fold_that_died_before_deleting_its_commits_counts_each_fact_once()
    {
        var account = await NewAccount();
        var store = await Store(account);
        for (var i = 0; i < 4; i++) await store.Commit(Shard, Batch(i));
        var before = await Everything(await Store(account));
        var container = Container(account);
        var copies = new Dictionary<string, BinaryData>();
        foreach (var name in await CommitBlobs(account)) copies[name] = (await container.GetBlobClient(name).DownloadContentAsync()).Value.Content;

        // The checkpoint is written, then the silo dies before deleting the commits it folded: put them back.
        await store.Checkpoint(Shard);
        Assert.Empty(await CommitBlobs(account));
        foreach (var (name, bytes) in copies) await container.GetBlobClient(name).UploadAsync(bytes);

        Assert.Equal(Json(before), Json(await Everything(await Store(account))));
        // The next fold deletes them.
        await store.Commit(Shard, Batch(4));
        await store.Checkpoint(Shard);
        Assert.Empty(await CommitBlobs(account));
        Assert.Equal(before.ShardIds.Append("i-4-0").Append("i-4-1").Order(StringComparer.Ordinal), (await Everything(await Store(account))).ShardIds);
    }

    [Fact]
    public async Task A_silo_that_read_a_shard_before_a_fold_still_sees_the_commits_folded_since()
    {
        var account = await NewAccount();
        var reader = await Store(account);
        var writer = await Store(account);
        await writer.Commit(Shard, Batch(0));
        Assert.Equal(["i-0-0", "i-0-1"], (await reader.LoadShard(Shard)).Rows.Keys.Order(StringComparer.Ordinal));

        // Committed and folded (the blob deleted) before the reader catches up: it finds the commit in the checkpoint.
        await writer.Commit(Shard, Batch(1));
        await writer.Checkpoint(Shard);
        Assert.Empty(await CommitBlobs(account));
        Assert.Equal(["i-0-0", "i-0-1", "i-1-0", "i-1-1"], (await reader.LoadShard(Shard)).Rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, (await reader.LoadForTeam("tm-1")).Batches.Count);
    }

    [Fact]
    public async Task Retention_and_erasure_remove_facts_from_the_checkpoint_and_keep_their_tallies()
    {
        var account = await NewAccount();
        var store = await Store(account);
        for (var i = 0; i < 3; i++) await store.Commit(Shard, Batch(i));
        await store.Checkpoint(Shard);
        await store.Commit(Shard, Batch(3)); // one commit not folded: retirement rewrites both kinds
        var exact = Contribution(await store.LoadForTeam("tm-1"));

        // Retire ag-1's contacts of two folded batches and of the unfolded one, then erase agent ag-2.
        var shard = await store.LoadShard(Shard);
        await store.Retire(Shard, Retirement.Of(shard.Rows, row => row.Interaction!.InteractionId is "i-0-0" or "i-2-0" or "i-3-0"));
        shard = await store.LoadShard(Shard);
        await store.Retire(Shard, Retirement.Of(shard.Rows, row => AgentErasure.Concerns(row, "ag-2"), forget: "ag-2"));
        await store.ForgetAgentTallies("ag-2");

        var fresh = await Store(account);
        Assert.Equal(["i-1-0"], (await fresh.LoadShard(Shard)).Rows.Keys);
        var team = await fresh.LoadForTeam("tm-1");
        Assert.Equal(exact, Contribution(team));
        Assert.Empty((await fresh.LoadForAgent("ag-2")).Rows);
        Assert.True((await fresh.LoadForAgent("ag-2")).Retired.IsEmpty);
        // The bytes themselves: neither the checkpoint nor any commit blob holds a retired contact any more.
        var stored = await StoredText(account);
        Assert.DoesNotContain("i-0-0", stored);
        Assert.DoesNotContain("i-2-0", stored);
        Assert.DoesNotContain("i-3-0", stored);
        Assert.DoesNotContain("i-0-1", stored); // ag-2's
        Assert.DoesNotContain("i-3-1", stored);
        Assert.Contains("i-1-0", stored);
    }

    [Fact]
    public async Task Rescoring_reaches_evaluations_in_the_checkpoint_and_in_later_commits()
    {
        var account = await NewAccount();
        var store = await Store(account);
        await store.Commit(Shard, Batch(0));
        await store.Checkpoint(Shard);
        await store.Commit(Shard, Batch(1));
        var rescored = (await All(store)).Select(e => e with { Score = e.Score with { Percent = 10 } }).ToList();

        await store.UpdateScores(rescored);

        Assert.All(await All(await Store(account)), e => Assert.Equal(10.0, e.Score.Percent));
        Assert.Equal(2, (await All(await Store(account))).Count);
    }

    [Fact]
    public async Task Commits_and_folds_running_together_lose_nothing_and_count_nothing_twice()
    {
        var account = await NewAccount();
        // A fold every commit, in the background, while more commits and explicit folds arrive.
        var store = await Store(account, checkpointEvery: 1);
        await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            await store.Commit(Shard, Batch(i));
            if (i % 4 == 0) await store.Checkpoint(Shard);
        }));
        await store.Checkpoint(Shard);

        var read = await Everything(await Store(account));
        Assert.Equal(Enumerable.Range(0, 12).SelectMany(i => new[] { $"i-{i}-0", $"i-{i}-1" }).Order(StringComparer.Ordinal), read.ShardIds);
        Assert.Equal(12, read.Batches);
        Assert.Equal(12, read.Evaluations.Count);
    }

    // Two contacts per batch (agents ag-1 and ag-2, team tm-1), a survey of the first and an evaluation of the second.
    private static ShardCommit Batch(int i)
    {
        Interaction Contact(int n) => new($"i-{i}-{n}", Channel.Call, $"ag-{n + 1}", "tm-1", "billing", Day.AddHours(i), 300 + i, 30, 12, true);
        var evaluation = new ScoredEvaluation(
            new Evaluation($"e-{i}", $"i-{i}-1", "ag-2", "qa-1", "sc-1", 1, EvaluationKind.Regular, Day.AddHours(i + 1),
                [new ItemResponse("greet", ItemAnswer.Yes)], null, 1),
            new EvaluationScore(80, false, 4, 5, 1, 75));
        return new ShardCommit([Contact(0), Contact(1)], [new Survey($"i-{i}-0", Day.AddHours(i), 4, 9)], [evaluation], ["ag-1", "ag-2"], ["tm-1"], ["sc-1"]);
    }

    private async Task<AzureStorageAccount> NewAccount()
    {
        var account = azurite.NewAccount();
        await (await Store(account)).CreateIfMissing();
        return account;
    }

    private static async Task<AzureFactStore> Store(AzureStorageAccount account, int checkpointEvery = 1000)
    {
        var store = new AzureFactStore(account, checkpointEvery);
        await store.CreateIfMissing();
        return store;
    }

    // The fact log's layout (README, "On Azure Storage"): commits/{shard}/{batch}, checkpoints/{shard}, retirements/{shard}/{id}.
    private static string CommitsOf(int shard) => $"commits/{shard:D2}/";

    private static BlobContainerClient Container(AzureStorageAccount account) => account.Blobs.GetBlobContainerClient(account.FactsContainer);

    private static async Task<List<string>> CommitBlobs(AzureStorageAccount account)
    {
        var names = new List<string>();
        await foreach (var blob in Container(account).GetBlobsAsync(new GetBlobsOptions { Prefix = "commits/" })) names.Add(blob.Name);
        return names;
    }

    // Every commit and checkpoint blob unzipped (a checkpoint is gzip members one after another) and joined.
    private static async Task<string> StoredText(AzureStorageAccount account)
    {
        var text = new System.Text.StringBuilder();
        await foreach (var blob in Container(account).GetBlobsAsync())
        {
            if (blob.Name.StartsWith("retirements/", StringComparison.Ordinal)) continue;
            var content = (await Container(account).GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content;
            using var reader = new StreamReader(new GZipStream(content.ToStream(), CompressionMode.Decompress));
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }

    /// <summary>What the log gives for shard <see cref="Shard"/>, agent ag-2, team tm-1 and every evaluation.</summary>
    private sealed record LogReading(List<string> ShardIds, int Batches, StoredRows Agent, StoredRows Team, List<ScoredEvaluation> Evaluations,
        (List<string> Agents, List<string> Teams, List<string> Scorecards) Ids, Dictionary<string, string> Bindings);

    private static async Task<LogReading> Everything(AzureFactStore store)
    {
        var shard = await store.LoadShard(Shard);
        return new LogReading(shard.Rows.Keys.Order(StringComparer.Ordinal).ToList(), shard.Batches.Count,
            await store.LoadForAgent("ag-2"), await store.LoadForTeam("tm-1"), await All(store), await store.AggregateIds(),
            await store.LoadEvaluationBindings(Shards.Of("e-0")));
    }

    private static async Task<List<ScoredEvaluation>> All(IFactStore store)
    {
        var all = new List<ScoredEvaluation>();
        await foreach (var e in store.AllEvaluations()) all.Add(e);
        return all;
    }

    private static readonly JsonSerializerOptions Options = new() { IncludeFields = true };

    // A team's tallies from its rows and retired tallies, bucket by bucket in a fixed order.
    private static string Contribution(StoredRows rows) => string.Join("\n", JoinContribution.Of(rows.Rows.Values, rows.Retired).Teams
        .SelectMany(t => t.Value.Buckets.Select(b => $"{t.Key}|{b.Key}|{JsonSerializer.Serialize(b.Value, Options)}")).Order(StringComparer.Ordinal));

    // Rows in id order and batches by count (the two accounts' batch ids differ), so two readings compare as text.
    private static string Json(LogReading r) => JsonSerializer.Serialize(new
    {
        r.ShardIds, r.Batches, Agent = Sorted(r.Agent), Team = Sorted(r.Team), r.Evaluations, r.Ids.Agents, r.Ids.Teams, r.Ids.Scorecards,
        Bindings = r.Bindings.OrderBy(b => b.Key, StringComparer.Ordinal),
    }, Options);

    private static object Sorted(StoredRows rows) => new
    {
        Rows = rows.Rows.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new { p.Key, p.Value.Interaction, p.Value.Survey, p.Value.Evaluations, p.Value.Replaced }),
        Batches = rows.Batches.Count,
        Retired = rows.Retired.IsEmpty,
    };
}

using Microsoft.Extensions.Logging.Abstractions;
using QmInsights.Domain.Access;
using QmInsights.Silo.Audit;

namespace QmInsights.Tests.Azure;

public sealed class AzureAuditStoreTests(AzuriteServer azurite) : IClassFixture<AzuriteServer>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Entries_over_many_hours_are_all_kept_and_queried_newest_first_by_agent_actor_and_time()
    {
        var store = new AzureAuditStore(azurite.NewAccount());
        var trail = new AuditTrail(store, NullLogger<AuditTrail>.Instance);
        await trail.StartAsync(CancellationToken.None);
        // 600 entries a minute apart (ten hourly blobs), recorded from several threads at once as requests would.
        await Parallel.ForAsync(0, 600, async (i, _) => await trail.Record(new AuditEntry(T0.AddMinutes(i), i % 3 == 0 ? "lead-a" : "lead-b",
            "teamLead", null, "10.0.0.7", "read agent summary", "GET", $"/api/agents/agent-{i % 7}/summary", [$"agent-{i % 7}", "agent-x"], 200, null)));
        await trail.StopAsync(CancellationToken.None);

        var all = await store.Query(new AuditQuery(null, null, null, null, AuditQuery.MaxLimit), CancellationToken.None);
        Assert.Equal(600, all.Count);
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.At >= p.Second.At), "newest first");
        var ofAgent = await store.Query(new AuditQuery("agent-3", null, null, null, AuditQuery.MaxLimit), CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 600).Count(i => i % 7 == 3), ofAgent.Count);
        var window = await store.Query(new AuditQuery(null, "lead-a", T0.AddMinutes(30), T0.AddMinutes(60), 100), CancellationToken.None);
        Assert.Equal([57, 54, 51, 48, 45, 42, 39, 36, 33, 30], window.Select(e => (int)(e.At - T0).TotalMinutes));
        var newest = await store.Query(new AuditQuery(null, null, null, null, 3), CancellationToken.None);
        Assert.Equal([599, 598, 597], newest.Select(e => (int)(e.At - T0).TotalMinutes));
        Assert.Equal(["agent-2", "agent-x"], newest[2].AgentIds); // 597 % 7
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using QmInsights.Domain.Access;
using QmInsights.Silo.Audit;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Hardening;

/// <summary>Findings 7 and 8: the audit writer cannot wedge on one entry, the query string is kept minus the token,
/// anonymous refusals cannot push real history out, and administrative actions are audited.</summary>
public sealed class AuditHardeningTests(SecuredHostFixture host) : IClassFixture<SecuredHostFixture>
{
    private static AuditEntry Entry(string actor, string? tokenId = "t1", string role = "admin") =>
        new(DateTimeOffset.UtcNow, actor, role, tokenId, "127.0.0.1", "read agent summary", "GET", "/api/agents/a/summary", ["a"], 200, null);

    /// <summary>Refuses every batch holding an entry whose actor has a NUL (as PostgreSQL's COPY refuses the text).</summary>
    private sealed class NulRefusingStore : IAuditStore
    {
        public List<AuditEntry> Stored { get; } = [];

        public Task Append(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
        {
            if (entries.Any(e => e.Actor.Contains('\0'))) throw new InvalidOperationException("invalid byte sequence for encoding \"UTF8\": 0x00");
            lock (Stored) Stored.AddRange(entries);
            return Task.CompletedTask;
        }

        public Task<List<AuditEntry>> Query(AuditQuery query, CancellationToken ct) => Task.FromResult(Stored.Where(query.Matches).ToList());
    }

    [Fact]
    public async Task One_entry_the_store_refuses_is_dead_lettered_and_the_trail_keeps_going()
    {
        var store = new NulRefusingStore();
        var trail = new AuditTrail(store, NullLogger<AuditTrail>.Instance);
        var health = new AuditHealthCheck(trail);
        await trail.StartAsync(CancellationToken.None);
        await trail.Record(Entry("before"));
        await trail.Record(Entry("evil\0name"));
        await trail.Record(Entry("after"));
        Assert.Equal(2, (await trail.Query(new AuditQuery(null, null, null, null, 100), CancellationToken.None)).Count);
        await trail.Record(Entry("later"));
        Assert.Equal(3, (await trail.Query(new AuditQuery(null, null, null, null, 100), CancellationToken.None)).Count);
        Assert.Equal(1, trail.DeadLettered);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded,
            (await health.CheckHealthAsync(new(), CancellationToken.None)).Status);
        await trail.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Anonymous_refusals_cannot_push_the_history_of_real_callers_out_of_the_memory_trail()
    {
        var store = new MemoryAuditStore(NullLogger<MemoryAuditStore>.Instance);
        await store.Append([Entry("real caller")], CancellationToken.None);
        await store.Append(Enumerable.Range(0, MemoryAuditStore.AnonymousCapacity + 100)
            .Select(_ => Entry("(no valid token)", null, "none")).ToList(), CancellationToken.None);
        Assert.Single(await store.Query(new AuditQuery(null, "real caller", null, null, 10), CancellationToken.None));
        var anonymous = await store.Query(new AuditQuery(null, "(no valid token)", null, null, AuditQuery.MaxLimit), CancellationToken.None);
        Assert.True(anonymous.Count <= MemoryAuditStore.AnonymousCapacity);
    }

    [Fact]
    public async Task An_audited_url_keeps_its_query_string_without_the_token_and_administrative_actions_are_audited()
    {
        (await host.Admin.GetAsync("/api/agents/sec-a1/summary?from=2026-01-01&access_token=secret-x&period=month")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await host.Admin.PostAsync("/api/admin/retention/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await host.Admin.PostAsync("/api/admin/rebuild", null)).StatusCode);
        foreach (var read in new[] { "/api/cadence?asOf=2026-03-20", "/api/sampling?from=2026-03-01&to=2026-03-20", "/api/evaluators/leniency" })
            (await host.Admin.GetAsync(read)).EnsureSuccessStatusCode();

        using var audit = JsonDocument.Parse(await host.Admin.GetStringAsync("/api/audit?limit=500"));
        var entries = audit.RootElement.EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("path").GetString() == "/api/agents/sec-a1/summary?from=2026-01-01&period=month");
        Assert.DoesNotContain(entries, e => e.GetProperty("path").GetString()!.Contains("secret-x"));
        foreach (var action in new[] { "run retention", "rebuild aggregates", "read cadence", "read sampling plan", "read evaluator leniency" })
            Assert.Contains(entries, e => e.GetProperty("action").GetString() == action);
    }
}

using Microsoft.Extensions.Logging;
using QmInsights.Domain.Access;
using QmInsights.Silo.Audit;

namespace QmInsights.Tests.Audit;

/// <summary>The trail never drops an entry silently: a failing store is retried, and what cannot be stored by the
/// end of shutdown is written to the log at Critical level, entry by entry.</summary>
public sealed class AuditTrailDeliveryTests
{
    private static AuditEntry Entry(int i) => new(DateTimeOffset.UnixEpoch.AddMinutes(i), "actor", "admin", null, "127.0.0.1",
        "read agent summary", "GET", $"/api/agents/a{i}/summary", [$"a{i}"], 200, null);

    /// <summary>Fails the first <paramref name="failures"/> appends (all of them when negative), then keeps the entries.</summary>
    private sealed class FlakyStore(int failures) : IAuditStore
    {
        private int _calls;
        public List<AuditEntry> Stored { get; } = [];

        public Task Append(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
        {
            if (failures < 0 || Interlocked.Increment(ref _calls) <= failures) throw new InvalidOperationException("database unavailable");
            lock (Stored) Stored.AddRange(entries);
            return Task.CompletedTask;
        }

        public Task<List<AuditEntry>> Query(AuditQuery query, CancellationToken ct) => Task.FromResult(Stored.Where(query.Matches).ToList());
    }

    private sealed class CriticalLog : ILogger<AuditTrail>
    {
        public List<string> Messages { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Critical) lock (Messages) Messages.Add(formatter(state, exception));
        }
    }

    [Fact]
    public async Task A_store_that_fails_a_few_times_still_receives_every_entry_once()
    {
        var store = new FlakyStore(failures: 2);
        var log = new CriticalLog();
        var trail = new AuditTrail(store, log);
        await trail.StartAsync(CancellationToken.None);
        for (var i = 0; i < 50; i++) await trail.Record(Entry(i));
        Assert.Equal(50, (await trail.Query(new AuditQuery(null, null, null, null, 100), CancellationToken.None)).Count);
        await trail.StopAsync(CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => Entry(i).Path), store.Stored.OrderBy(e => e.At).Select(e => e.Path));
        Assert.Empty(log.Messages);
    }

    [Fact]
    public async Task Entries_a_dead_store_never_took_are_logged_one_by_one_at_shutdown()
    {
        var log = new CriticalLog();
        var trail = new AuditTrail(new FlakyStore(failures: -1), log);
        await trail.StartAsync(CancellationToken.None);
        for (var i = 0; i < 30; i++) await trail.Record(Entry(i));
        // The host gives shutdown a deadline; the trail retries until then.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await trail.StopAsync(deadline.Token);
        Assert.Equal(30, log.Messages.Count);
        Assert.All(Enumerable.Range(0, 30), i => Assert.Single(log.Messages, m => m.Contains($"/api/agents/a{i}/summary ")));
        // After shutdown nothing is accepted silently either.
        await trail.Record(Entry(99));
        Assert.Contains(log.Messages, m => m.Contains("already stopped") && m.Contains("/api/agents/a99/summary"));
    }
}

using QmInsights.Domain.Access;

namespace QmInsights.Silo.Audit;

/// <summary>The audit trail of the embedded mode: in this process, gone with it (as the rest of its data). A
/// long-running in-memory engine would otherwise grow without bound, so it keeps the newest
/// <see cref="Capacity"/> entries and says so in the log when it first lets old ones go.</summary>
public sealed class MemoryAuditStore(ILogger<MemoryAuditStore> logger) : IAuditStore
{
    public const int Capacity = 200_000;

    /// <summary>Requests without a valid token are kept apart, the newest this many: anybody can send them, so they
    /// must not push the history of real callers out.</summary>
    public const int AnonymousCapacity = 20_000;

    private readonly LinkedList<AuditEntry> _entries = [];
    private readonly LinkedList<AuditEntry> _anonymous = [];
    private readonly Lock _lock = new();
    private bool _warned;

    public Task Append(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        lock (_lock)
        {
            foreach (var entry in entries) (entry.TokenId is null && entry.Role == "none" ? _anonymous : _entries).AddLast(entry);
            while (_anonymous.Count > AnonymousCapacity) _anonymous.RemoveFirst();
            if (_entries.Count > Capacity && !_warned)
            {
                _warned = true;
                logger.LogWarning("The in-memory audit trail keeps the newest {Capacity} entries; older ones are let go. Use Storage:Provider=Postgres for a durable trail", Capacity);
            }
            while (_entries.Count > Capacity) _entries.RemoveFirst();
        }
        return Task.CompletedTask;
    }

    public Task<List<AuditEntry>> Query(AuditQuery query, CancellationToken ct)
    {
        lock (_lock)
            return Task.FromResult(_entries.Concat(_anonymous).Where(query.Matches).OrderByDescending(e => e.At).Take(query.Limit).ToList());
    }
}

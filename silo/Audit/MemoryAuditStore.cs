using QmInsights.Domain.Access;

namespace QmInsights.Silo.Audit;

/// <summary>The audit trail of the embedded mode: in this process, gone with it (as the rest of its data).</summary>
public sealed class MemoryAuditStore : IAuditStore
{
    private readonly List<AuditEntry> _entries = [];
    private readonly Lock _lock = new();

    public Task Append(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        lock (_lock) _entries.AddRange(entries);
        return Task.CompletedTask;
    }

    public Task<List<AuditEntry>> Query(AuditQuery query, CancellationToken ct)
    {
        lock (_lock)
            return Task.FromResult(_entries.Where(query.Matches).OrderByDescending(e => e.At).Take(query.Limit).ToList());
    }
}

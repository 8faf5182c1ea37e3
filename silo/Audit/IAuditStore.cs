using QmInsights.Domain.Access;

namespace QmInsights.Silo.Audit;

/// <summary>Where audit entries end up: append and query, never change.</summary>
public interface IAuditStore
{
    Task Append(IReadOnlyList<AuditEntry> entries, CancellationToken ct);

    Task<List<AuditEntry>> Query(AuditQuery query, CancellationToken ct);
}

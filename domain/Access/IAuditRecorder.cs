namespace QmInsights.Domain.Access;

/// <summary>Where work that no request carries (a pack mailed by the monthly reminder) writes its audit entries, so data
/// shared without anyone asking is in the same trail as data read through the API.</summary>
public interface IAuditRecorder
{
    ValueTask Record(AuditEntry entry);
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QmInsights.Silo.Audit;

/// <summary>Degraded while audit entries could not be stored (they went to the log at Critical level instead), so a
/// monitor of <c>/health</c> sees a failing trail before an auditor does.</summary>
public sealed class AuditHealthCheck(AuditTrail trail) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(trail.DeadLettered == 0
            ? HealthCheckResult.Healthy("audit trail written")
            : HealthCheckResult.Degraded($"{trail.DeadLettered} audit entries could not be stored and were written to the log at Critical level"));
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QmInsights.Silo.Hosting;

/// <summary>Healthy once this silo is an active member of its cluster, so a load balancer or compose health check
/// sends no traffic to a silo that is still joining or already leaving.</summary>
public sealed class SiloHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {silo.SiloAddress} is active")
            : HealthCheckResult.Unhealthy($"silo {silo.SiloAddress} is {status}"));
    }
}

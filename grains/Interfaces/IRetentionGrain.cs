namespace QmInsights.Grains.Interfaces;

/// <summary>Runs retention once a day on an Orleans reminder, so exactly one silo of the cluster does it and a restart
/// does not skip a day. Key: "retention".</summary>
[Alias("qm.IRetentionGrain")]
public interface IRetentionGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>Registers the daily reminder (idempotent; called at every silo start when a horizon is configured).</summary>
    Task Schedule();
}

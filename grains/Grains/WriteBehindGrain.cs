using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Core;

namespace QmInsights.Grains.Grains;

/// <summary>Base for grains whose state changes on every batch: changed state is written when the grain deactivates
/// rather than once per batch, which would put a storage write on the ingest hot path.</summary>
public abstract class WriteBehindGrain(ILogger logger) : Grain
{
    private readonly HashSet<IStorage> _changed = new(ReferenceEqualityComparer.Instance);

    /// <summary>Marks <paramref name="state"/> to be written at deactivation.</summary>
    protected void Changed(IStorage state) => _changed.Add(state);

    /// <summary>Writes <paramref name="state"/> now (for facts that must not wait, like a new scorecard version).</summary>
    protected async Task WriteNow(IStorage state)
    {
        await state.WriteStateAsync();
        _changed.Remove(state);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        var shuttingDown = reason.ReasonCode == DeactivationReasonCode.ShuttingDown;
        if (shuttingDown && ServiceProvider.GetService<WriteBehindOptions>() is { WriteOnShutdown: false })
            _changed.Clear();
        foreach (var state in _changed.ToList())
        {
            try
            {
                await WriteNow(state);
            }
            catch (Exception e) when (shuttingDown)
            {
                // The silo is going down anyway: say what was not written rather than fail the shutdown.
                logger.LogWarning("{Grain} could not write its state while the silo shuts down: {Error}", this.GetGrainId(), e.Message);
            }
        }
        await base.OnDeactivateAsync(reason, cancellationToken);
    }
}

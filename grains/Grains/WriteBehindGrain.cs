namespace QmInsights.Grains.Grains;

/// <summary>Base for grains whose state changes on every batch: state is written when the grain deactivates
/// rather than once per batch, which would put a storage write on the ingest hot path.</summary>
public abstract class WriteBehindGrain : Grain
{
    private readonly List<(Func<bool> IsDirty, Func<Task> Write)> _states = new();

    /// <summary>Writes of <paramref name="write"/> happen at deactivation while <paramref name="isDirty"/> says so.</summary>
    protected void WriteBehind(Func<bool> isDirty, Func<Task> write) => _states.Add((isDirty, write));

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        foreach (var (isDirty, write) in _states)
            if (isDirty()) await write();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }
}

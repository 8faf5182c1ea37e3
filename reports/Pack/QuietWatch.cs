namespace QmInsights.Reports.Pack;

/// <summary>A debounce for training ahead: the month's data counts as settled once the same month has shown the same data
/// version for the quiet period. Training while an import or a day's late contacts still arrive would only be stale.</summary>
public sealed class QuietWatch<TVersion>(TimeSpan quiet) where TVersion : IEquatable<TVersion>
{
    private (PackMonth Month, TVersion Version, DateTimeOffset Since)? _watched;

    /// <summary>Since when the watched month has had its version; null before the first look.</summary>
    public DateTimeOffset? Since => _watched?.Since;

    /// <summary>Notes <paramref name="month"/>'s <paramref name="version"/> seen at <paramref name="now"/>; true once that month has
    /// had that version for at least the quiet period (another month or version starts the wait again, from
    /// <paramref name="unchangedSince"/> when the caller knows nothing changed since then, else from now).</summary>
    public bool Settled(PackMonth month, TVersion version, DateTimeOffset now, DateTimeOffset? unchangedSince = null)
    {
        if (_watched is not { } watched || watched.Month != month || !watched.Version.Equals(version))
            _watched = watched = (month, version, unchangedSince ?? now);
        return now - watched.Since >= quiet;
    }
}

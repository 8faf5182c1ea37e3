using System.Globalization;

namespace QmInsights.Storage;

/// <summary>How many months of facts a shard keeps resident in the durable modes (<c>Storage:HotMonths</c>, default 13:
/// this month and the twelve before it). Older rows stay in the fact store and are read for the request that needs
/// them; the in-process mode has no store to read from and keeps everything.</summary>
public sealed record HotWindow(int Months)
{
    /// <summary>Thirteen months: a year back from any day of the current month.</summary>
    public static readonly HotWindow Default = new(13);

    /// <summary>The window <paramref name="setting"/> names (null: the default); anything but a whole number of at least 1 is refused, naming the key.</summary>
    public static HotWindow Of(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting)) return Default;
        return int.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out var months) && months >= 1
            ? new HotWindow(months)
            : throw new ArgumentException($"Storage:HotMonths: '{setting}' is not a whole number of months of at least 1", nameof(setting));
    }

    /// <summary>The first instant inside the window at <paramref name="now"/>: the start (UTC) of the month
    /// <see cref="Months"/> - 1 before the current one.</summary>
    public DateTimeOffset Since(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-(Months - 1));
}

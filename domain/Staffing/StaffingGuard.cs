namespace QmInsights.Domain.Staffing;

/// <summary>Argument checks shared by the staffing types, so every rejection names the offending parameter.</summary>
internal static class StaffingGuard
{
    public static double NonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number >= 0.");

    public static double Positive(double value, string name) =>
        double.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0.");

    public static TimeSpan Positive(TimeSpan value, string name) =>
        value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be longer than zero.");

    public static TimeSpan NonNegative(TimeSpan value, string name) =>
        value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative.");

    /// <summary>Strictly between 0 and 1: a target of 0 asks for nothing and 1 is unreachable under Erlang C.</summary>
    public static double OpenUnit(double value, string name) =>
        value is > 0 and < 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 0 and 1, both excluded.");

    public static double UnitExcludingZero(double value, string name) =>
        value is > 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in (0, 1].");

    public static double UnitExcludingOne(double value, string name) =>
        value is >= 0 and < 1
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1).");

    public static int NonNegative(int value, string name) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be >= 0.");
}

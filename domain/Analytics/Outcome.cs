namespace QmInsights.Domain.Analytics;

/// <summary>A customer or operational outcome that quality is related to, measured per contact.</summary>
public enum Outcome
{
    /// <summary>CSAT on its 1-5 scale (effects read as "CSAT points").</summary>
    Csat,
    /// <summary>NPS answer on its 0-10 scale.</summary>
    Nps,
    /// <summary>Handle time in seconds.</summary>
    HandleSeconds,
    /// <summary>Resolved at first contact, 0 or 1 (effects read as a change in the resolution rate).</summary>
    Fcr,
}

/// <summary>Reading an outcome off a contact, and how to say its units.</summary>
public static class Outcomes
{
    public static double? Of(this Outcome outcome, EvaluatedContact c) => outcome switch
    {
        Outcome.Csat => c.Csat,
        Outcome.Nps => c.Nps,
        Outcome.HandleSeconds => c.HandleSeconds,
        _ => c.ResolvedFirstContact is { } r ? (r ? 1 : 0) : null,
    };

    public static string Name(this Outcome outcome) => outcome switch
    {
        Outcome.Csat => "CSAT",
        Outcome.Nps => "NPS",
        Outcome.HandleSeconds => "handle time",
        _ => "first-contact resolution",
    };

    /// <summary>An effect in the outcome's own units, e.g. "-0.6 CSAT points", "+190 s handle time".</summary>
    public static string Describe(this Outcome outcome, double effect) => outcome switch
    {
        // Rounded first: a tiny negative value would otherwise print as "-+0.00".
        Outcome.Csat => $"{Math.Round(effect, 2):+0.00;-0.00;0.00} CSAT points",
        Outcome.Nps => $"{Math.Round(effect, 2):+0.00;-0.00;0.00} NPS points (0-10 answer)",
        Outcome.HandleSeconds => $"{Math.Round(effect):+0;-0;0} s handle time",
        _ => $"{Math.Round(effect * 100, 1):+0.0;-0.0;0.0} points of first-contact resolution",
    };

    /// <summary>An effect on a week's mean outcome: NPS is then the -100..100 index, the rest read as per contact.</summary>
    public static string DescribeWeekly(this Outcome outcome, double effect) =>
        outcome == Outcome.Nps ? $"{Math.Round(effect, 1):+0.0;-0.0;0.0} points of weekly NPS (-100..100)" : $"{outcome.Describe(effect)} (weekly mean)";
}

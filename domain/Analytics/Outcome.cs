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
    /// <summary>A satisfied customer: CSAT 4 or 5 (top-2-box), 0 or 1; effects are changes in the share, a linear
    /// probability model.</summary>
    CsatTop2Box,
    /// <summary>A promoter: NPS answer 9-10, 0 or 1.</summary>
    Promoters,
    /// <summary>A detractor: NPS answer 0-6, 0 or 1.</summary>
    Detractors,
}

/// <summary>Reading an outcome off a contact, and how to say its units.</summary>
public static class Outcomes
{
    /// <summary>The outcomes measured as they are (also by week and by the ML.NET models).</summary>
    public static readonly Outcome[] Measured = [Outcome.Csat, Outcome.Nps, Outcome.HandleSeconds, Outcome.Fcr];

    public static double? Of(this Outcome outcome, EvaluatedContact c) => outcome switch
    {
        Outcome.Csat => c.Csat,
        Outcome.Nps => c.Nps,
        Outcome.HandleSeconds => c.HandleSeconds,
        Outcome.CsatTop2Box => c.Csat is { } csat ? (csat >= 4 ? 1 : 0) : null,
        Outcome.Promoters => c.Nps is { } promoter ? (promoter >= 9 ? 1 : 0) : null,
        Outcome.Detractors => c.Nps is { } detractor ? (detractor <= 6 ? 1 : 0) : null,
        _ => c.ResolvedFirstContact is { } r ? (r ? 1 : 0) : null,
    };

    /// <summary>Whether the outcome comes from the survey (so only contacts whose customer answered carry it).</summary>
    public static bool FromSurvey(this Outcome outcome) => outcome is not (Outcome.HandleSeconds or Outcome.Fcr);

    /// <summary>Whether the outcome is a 0/1 event whose effects are changes in a rate, said in points.</summary>
    public static bool IsShare(this Outcome outcome) => outcome is Outcome.Fcr or Outcome.CsatTop2Box or Outcome.Promoters or Outcome.Detractors;

    public static string Name(this Outcome outcome) => outcome switch
    {
        Outcome.Csat => "CSAT",
        Outcome.Nps => "NPS",
        Outcome.HandleSeconds => "handle time",
        Outcome.CsatTop2Box => "the share of satisfied customers (CSAT 4-5)",
        Outcome.Promoters => "the share of promoters (NPS 9-10)",
        Outcome.Detractors => "the share of detractors (NPS 0-6)",
        _ => "first-contact resolution",
    };

    /// <summary>The unit an effect on the outcome is said in: rates (FCR and the survey shares) in points.</summary>
    public static string Unit(this Outcome outcome) => outcome switch
    {
        Outcome.Csat => "CSAT points",
        Outcome.Nps => "NPS points (0-10 answer)",
        Outcome.HandleSeconds => "s handle time",
        Outcome.CsatTop2Box => "points of satisfied customers (CSAT 4-5)",
        Outcome.Promoters => "points of promoters (NPS 9-10)",
        Outcome.Detractors => "points of detractors (NPS 0-6)",
        _ => "points of first-contact resolution",
    };

    /// <summary>An effect in the outcome's own units, e.g. "-0.6 CSAT points", "+190 s handle time", "-8.1 points of
    /// satisfied customers (CSAT 4-5)".</summary>
    public static string Describe(this Outcome outcome, double effect) => outcome switch
    {
        // Rounded first: a tiny negative value would otherwise print as "-+0.00".
        Outcome.Csat or Outcome.Nps => $"{Math.Round(effect, 2):+0.00;-0.00;0.00} {outcome.Unit()}",
        Outcome.HandleSeconds => $"{Math.Round(effect):+0;-0;0} {outcome.Unit()}",
        _ => $"{Math.Round(effect * 100, 1):+0.0;-0.0;0.0} {outcome.Unit()}",
    };

    /// <summary>An effect on a week's mean outcome: NPS is then the -100..100 index, the rest read as per contact.</summary>
    public static string DescribeWeekly(this Outcome outcome, double effect) =>
        outcome == Outcome.Nps ? $"{Math.Round(effect, 1):+0.0;-0.0;0.0} points of weekly NPS (-100..100)" : $"{outcome.Describe(effect)} (weekly mean)";
}

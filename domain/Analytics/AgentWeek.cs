using QmInsights.Domain.Aggregates;

namespace QmInsights.Domain.Analytics;

/// <summary>One agent's ISO week: the mean score of the week's regular evaluations beside the means of every contact
/// and survey of that week (not only the evaluated ones). The agent-week view of the relationships.</summary>
/// <param name="Nps">The week's NPS, -100..100 (percent promoters minus percent detractors).</param>
public sealed record AgentWeek(string AgentId, string TeamId, DateOnly WeekStart, double QaScore, long Evaluations,
    double? CsatMean, double? Nps, double? HandleSeconds, double? FcrRate)
{
    public double? Of(Outcome outcome) => outcome switch
    {
        Outcome.Csat => CsatMean,
        Outcome.Nps => Nps,
        Outcome.HandleSeconds => HandleSeconds,
        Outcome.Fcr => FcrRate,
        _ => null, // the shares are read contact by contact only
    };

    /// <summary>The rows of an agent's weekly trend that have a QA score; weeks without a regular evaluation say
    /// nothing about QA.</summary>
    public static IEnumerable<AgentWeek> Of(string agentId, string teamId, QualityFigures summary) =>
        (summary.Trend ?? [])
        .Where(w => w.QaScore is not null && w.From is not null)
        .Select(w => new AgentWeek(agentId, teamId, w.From!.Value, w.QaScore!.Value, w.Evaluations, w.CsatMean, w.Nps, w.AhtSeconds, w.FcrRate));
}

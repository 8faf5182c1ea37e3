namespace QmInsights.Domain.Forecasting;

/// <summary>Why a period is declared busy: a campaign of the company's own, or a public holiday.</summary>
public enum PeakKind
{
    Campaign,
    Holiday,
}

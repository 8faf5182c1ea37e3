using QmInsights.Reports.Layout;
using QmInsights.Reports.Pack.Sections;

namespace QmInsights.Reports.Pack;

/// <summary>The executives' monthly pack: its sections in order, composed into a document and rendered to PDF.</summary>
public static class MonthlyPack
{
    /// <summary>The sections in reading order; each leaves itself out when it has no data.</summary>
    public static IReadOnlyList<IPackSection> Sections { get; } =
    [
        new CoverSection(),
        new SummarySection(),
        new TrendSection(),
        new LeagueSection(),
        new ParetoSection(),
        new ConflictSection(),
        new DisagreementSection(),
        new CalibrationSection(),
        new CoverageSection(),
        new QueueSection(),
        new PeakForecastSection(),
    ];

    public static ReportDocument Compose(MonthlyPackData data) =>
        new($"Quality monthly pack {data.Month} – {data.Scope}", $"QmInsights · Quality monthly pack · {Format.MonthName(data.Month)} · {data.Scope}",
            data.GeneratedAt, Sections.SelectMany(s => s.Build(data)).ToList());

    public static byte[] Render(MonthlyPackData data) => PdfRenderer.Render(Compose(data));
}

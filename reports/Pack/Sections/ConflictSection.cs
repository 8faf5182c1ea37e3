using QmInsights.Reports.Layout;

namespace QmInsights.Reports.Pack.Sections;

/// <summary>Where the metrics pull against each other, in the words of the insights analysis, with effect sizes.</summary>
public sealed class ConflictSection : IPackSection
{
    public IEnumerable<Block> Build(MonthlyPackData data)
    {
        if (data.Conflicts.Count == 0) yield break;
        yield return new Heading("Conflicting metrics");
        yield return new Paragraph("Findings of the month's driver analysis (regressions controlling for channel, queue, team, tenure and agent level; Benjamini-Hochberg adjusted).");
        foreach (var conflict in data.Conflicts)
        {
            yield return new Heading(conflict.Title, 2);
            yield return new Paragraph($"Effect: {conflict.Effect}." + (conflict.Cost is null ? "" : $" Cost: {conflict.Cost}."));
            yield return new Paragraph(conflict.Explanation, TextStyle.Body.WithColor(new SkiaSharp.SKColor(0x44, 0x44, 0x44)));
        }
    }
}

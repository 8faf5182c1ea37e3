using QmInsights.Reports.Layout;

namespace QmInsights.Reports.Pack.Sections;

/// <summary>Evaluations done against the cadence policy's monthly quota, team by team, least covered first.</summary>
public sealed class CoverageSection : IPackSection
{
    public IEnumerable<Block> Build(MonthlyPackData data)
    {
        if (data.Coverage.Count == 0) yield break;
        yield return new Heading("Evaluation coverage");
        var done = data.Coverage.Sum(c => c.Evaluations);
        var quota = data.Coverage.Sum(c => c.Quota);
        yield return new Paragraph($"{Format.Count(done)} regular evaluations against a quota of {Format.Count(quota)} (the cadence policy's, per rostered agent): {Format.Percent(quota > 0 ? 100.0 * done / quota : null)}.");
        yield return new Table(
            [new("Team", 1.6f), new("Agents", 1, true), new("Evaluations", 1, true), new("Quota", 1, true), new("Coverage", 1, true)],
            data.Coverage.OrderBy(c => c.Coverage).ThenBy(c => c.TeamId, StringComparer.Ordinal).Select(c => (IReadOnlyList<TableCell>)
            [
                c.TeamId, Format.Count(c.Agents), Format.Count(c.Evaluations), Format.Count(c.Quota),
                new TableCell(Format.Share(c.Coverage), c.Coverage >= 1 ? Tone.Good : c.Coverage < 0.75 ? Tone.Bad : Tone.Neutral),
            ]).ToList());
    }
}

using QmInsights.Reports.Layout;

namespace QmInsights.Reports.Pack.Sections;

public sealed class CoverSection : IPackSection
{
    public IEnumerable<Block> Build(MonthlyPackData data)
    {
        var k = data.Current;
        yield return new Cover("Quality monthly pack", $"{Format.MonthName(data.Month)} · {data.Scope}",
        [
            $"{Format.Count(k.Interactions)} contacts, {Format.Count(k.Evaluations)} regular evaluations, {Format.Count(k.CsatResponses)} CSAT answers. " +
            $"Figures are those of the QmInsights API for the same month and scope. Generated {data.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.",
        ]);
    }
}

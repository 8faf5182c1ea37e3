using QmInsights.Reports.Layout;

namespace QmInsights.Reports.Pack.Sections;

/// <summary>Agents whose QA score and CSAT tell different stories.</summary>
public sealed class DisagreementSection : IPackSection
{
    public IEnumerable<Block> Build(MonthlyPackData data)
    {
        if (data.DisagreeingAgents.Count == 0) yield break;
        yield return new Heading("Agents where QA and CSAT disagree");
        yield return new Paragraph("Gap: QA z-score minus CSAT z-score among agents with at least 4 evaluations and 20 surveys. Positive: the form rates the agent higher than customers do. These are the clearest gaps among all the agents compared, and picking the most extreme makes their gaps look larger than they are (on simulated centres about half of the listed agents' true gaps lay outside the ± range, mostly nearer zero): read the list as whose calls to listen to first, not as a measurement of each agent.");
        yield return new Table(
            [new("Agent", 1.2f), new("QA", 0.7f, true), new("CSAT", 0.8f, true), new("Evals", 0.7f, true), new("Surveys", 0.8f, true), new("Gap", 0.7f, true), new("Why", 4.2f)],
            data.DisagreeingAgents.Select(a => (IReadOnlyList<TableCell>)
            [
                a.AgentId, Format.Number(a.QaScore), Format.Percent(a.Csat), Format.Count(a.Evaluations), Format.Count(a.CsatResponses),
                new TableCell(Format.Signed(a.Gap, 2), Math.Abs(a.Gap) >= 2 ? Tone.Bad : Tone.Neutral), a.Explanation,
            ]).ToList());
    }
}

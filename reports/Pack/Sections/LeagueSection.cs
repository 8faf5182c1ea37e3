using QmInsights.Reports.Layout;

namespace QmInsights.Reports.Pack.Sections;

/// <summary>Teams (agents, in a team's pack) ranked by QA score, with the change since last month as an arrow.</summary>
public sealed class LeagueSection : IPackSection
{
    public IEnumerable<Block> Build(MonthlyPackData data)
    {
        if (data.League.Count == 0) yield break;
        var unit = data.TeamId is null ? "Team" : "Agent";
        yield return new Heading($"{unit} league table");
        yield return new Table(
            [
                new("#", 0.4f, true), new(unit, 1.6f), new("QA score", 1, true), new("vs last month", 1.2f, true),
                new("Evaluations", 1.3f, true), new("CSAT", 0.9f, true), new("NPS", 0.8f, true), new("Handle time", 1, true), new("FCR", 0.9f, true),
            ],
            data.League.OrderByDescending(t => t.QaScore ?? double.MinValue).ThenBy(t => t.Name, StringComparer.Ordinal)
                .Select((t, i) => (IReadOnlyList<TableCell>)
                [
                    (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), t.Name, Format.Number(t.QaScore),
                    Format.Change(t.QaScore, t.PreviousQaScore), Format.Count(t.Evaluations), Format.Percent(t.Csat),
                    Format.Signed(t.Nps, 0), Format.Duration(t.AhtSeconds), Format.Share(t.FcrRate),
                ]).ToList());
    }
}

using System.Globalization;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;

namespace QmInsights.Domain.Analytics;

/// <summary>An item that helps explain an agent's gap: how often the agent does it against the centre, and what it
/// does to CSAT according to the regression.</summary>
[GenerateSerializer, Alias("qm.GapItem")]
public sealed record GapItem(string ItemId, string? Text, double AgentYesRate, double CentreYesRate, double CsatEffect, double CsatContribution);

/// <summary>An agent whose QA score and CSAT tell different stories (the domain's agent A and agent B).</summary>
/// <param name="Gap">z-score of QA minus z-score of CSAT among the agents compared: positive, QA rates the agent
/// better than customers do.</param>
/// <param name="GapStandardError">Standard error of <paramref name="Gap"/> from the sampling error of the agent's QA
/// mean (pooled within-agent spread over their evaluations) and of their CSAT share (binomial).</param>
[GenerateSerializer, Alias("qm.AgentGap")]
public sealed record AgentGap(string AgentId, double QaScore, double Csat, long Evaluations, long CsatResponses, double Gap,
    List<GapItem> Items, string Explanation, double GapStandardError);

/// <summary>Finds the agents where QA and CSAT disagree most and the scorecard items that explain it. Agents are
/// ranked by how far the gap is from zero at the least (|gap| minus 1.96 standard errors), so an agent with four
/// evaluations and a noisy gap does not top the list over one whose gap is certain.</summary>
public static class AgentDisagreement
{
    public static List<AgentGap> Rank(IReadOnlyList<(string AgentId, QualityFigures Figures)> agents, IReadOnlyList<EvaluatedContact> contacts,
        IReadOnlyList<Relationship> relationships, IReadOnlyDictionary<string, ScorecardItem> items, int top,
        int minimumEvaluations = 4, int minimumCsatResponses = 20)
    {
        var eligible = agents.Where(a => a.Figures.QaScore is not null && a.Figures.Csat is not null
                                         && a.Figures.Evaluations >= minimumEvaluations && a.Figures.CsatResponses >= minimumCsatResponses).ToList();
        if (eligible.Count < 3) return [];
        var (qaMean, qaSd) = MeanSd(eligible.Select(a => a.Figures.QaScore!.Value));
        var (csatMean, csatSd) = MeanSd(eligible.Select(a => a.Figures.Csat!.Value));
        if (qaSd == 0 || csatSd == 0) return [];

        var csatEffects = relationships.Where(r => r.Outcome == Outcome.Csat && r.Verdict == "effect" && r.Driver != "qaScore")
            .ToDictionary(r => r.Driver, r => r.Effect!.Value);
        var centreRates = csatEffects.Keys.ToDictionary(id => id, id => YesRate(contacts, id));
        var byAgent = contacts.GroupBy(c => c.AgentId).ToDictionary(g => g.Key, g => g.ToList());
        // One agent's scores scatter around their mean about as much as anyone's: pooled within-agent variance.
        var scored = contacts.Where(c => c.QaScore is not null).GroupBy(c => c.AgentId).ToList();
        var within = scored.Sum(g => { var m = g.Average(c => c.QaScore!.Value); return g.Sum(c => Math.Pow(c.QaScore!.Value - m, 2)); })
                     / Math.Max(1, scored.Sum(g => g.Count()) - scored.Count);
        double StandardError(QualityFigures f)
        {
            var p = f.Csat!.Value / 100;
            var qa = within / f.Evaluations / (qaSd * qaSd);
            var csat = 100 * 100 * p * (1 - p) / f.CsatResponses / (csatSd * csatSd);
            return Math.Sqrt(qa + csat);
        }

        return eligible
            .Select(a => (a.AgentId, a.Figures, Gap: (a.Figures.QaScore!.Value - qaMean) / qaSd - (a.Figures.Csat!.Value - csatMean) / csatSd,
                Se: StandardError(a.Figures)))
            .OrderByDescending(a => Math.Abs(a.Gap) - 1.96 * a.Se)
            .Take(top)
            .Select(a =>
            {
                var own = byAgent.GetValueOrDefault(a.AgentId) ?? [];
                var explaining = csatEffects
                    .Select(e => (Id: e.Key, Effect: e.Value, Agent: YesRate(own, e.Key), Centre: centreRates[e.Key]))
                    .Where(e => e.Agent is not null && e.Centre is not null)
                    .Select(e => new GapItem(e.Id, items.GetValueOrDefault(e.Id)?.Text, e.Agent!.Value, e.Centre!.Value, e.Effect,
                        (e.Agent.Value - e.Centre.Value) * e.Effect))
                    // Items that push CSAT the way the gap goes explain it: down when QA is the higher of the two.
                    .Where(i => a.Gap > 0 ? i.CsatContribution < 0 : i.CsatContribution > 0)
                    .OrderByDescending(i => Math.Abs(i.CsatContribution))
                    .Take(2)
                    .ToList();
                return new AgentGap(a.AgentId, a.Figures.QaScore!.Value, a.Figures.Csat!.Value, a.Figures.Evaluations,
                    a.Figures.CsatResponses, a.Gap, explaining, Explain(a.AgentId, a.Figures, a.Gap, a.Se, explaining, own.Count(c => c.Selection != EvaluationSelection.Random)), a.Se);
            })
            .ToList();
    }

    private static string Explain(string agentId, QualityFigures f, double gap, double se, List<GapItem> items, int targeted)
    {
        var story = gap > 0 ? "QA rates this agent better than customers do" : "customers rate this agent better than QA does";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{agentId}: QA {f.QaScore:0.0}% over {f.Evaluations} evaluations{(targeted > 0 ? $" ({targeted} of them targeted picks, chosen for low CSAT or long handle time)" : "")}, CSAT {f.Csat:0.0}% satisfied over {f.CsatResponses} surveys; {story} (gap {gap:+0.0;-0.0} ± {1.96 * se:0.0} standard deviations, 95%).");
        foreach (var i in items)
            text += string.Create(CultureInfo.InvariantCulture,
                $" '{i.Text ?? i.ItemId}' is done in {i.AgentYesRate:P0} of their evaluated contacts against {i.CentreYesRate:P0} in the centre, and is associated with {i.CsatEffect:+0.00;-0.00} CSAT points each time.");
        return text;
    }

    private static double? YesRate(IEnumerable<EvaluatedContact> contacts, string itemId)
    {
        long yes = 0, decided = 0;
        foreach (var c in contacts)
            foreach (var a in c.Answers)
                if (a.ItemId == itemId && a.Answer != ItemAnswer.NotApplicable)
                {
                    decided++;
                    if (a.Answer == ItemAnswer.Yes) yes++;
                }
        return decided > 0 ? (double)yes / decided : null;
    }

    private static (double Mean, double Sd) MeanSd(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return (mean, Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, list.Count - 1)));
    }
}

using QmInsights.Domain.Analytics;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;

namespace QmInsights.Domain.Simulation;

/// <summary>A simulated centre's regular evaluations on their contacts, as the engine's interaction rows hold them:
/// the input of the driver analysis without a running engine (tests and the planted-truth bench).</summary>
public static class SimulatedRows
{
    public static (List<EvaluatedContact> Contacts, Dictionary<string, DateTimeOffset> HiredAt, Dictionary<string, ScorecardItem> Items) Of(CentreSimulation centre)
    {
        var history = new ScorecardHistory(centre.ScorecardVersions.Select(v => new ScorecardVersion(DemoScorecard.Id, v.Version, v.ValidFrom, v.Definition)));
        var contacts = new List<EvaluatedContact>();
        foreach (var month in centre.AgentMonths())
        {
            var byId = month.Contacts.ToDictionary(c => c.Interaction.InteractionId);
            foreach (var e in month.Evaluations.Where(e => e.Kind == EvaluationKind.Regular))
            {
                var contact = byId[e.InteractionId];
                var version = history.Resolve(e.ScorecardId, e.ScorecardVersion, e.EvaluatedAt).Version!;
                contacts.Add(EvaluatedContact.Of(contact.Interaction, contact.Survey, e, ScoreCalculator.Score(version, e.Answers)));
            }
        }
        var items = history.Latest!.Definition.AllItems().ToDictionary(p => p.Item.Id, p => p.Item);
        return (contacts, centre.Roster().ToDictionary(r => r.AgentId, r => r.HiredAt), items);
    }
}

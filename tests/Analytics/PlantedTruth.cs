using QmInsights.Domain.Analytics;
using QmInsights.Domain.Scorecards;
using QmInsights.Domain.Simulation;

namespace QmInsights.Tests.Analytics;

/// <summary>Evaluated contacts of a simulated centre, as the engine's interaction rows would hold them.</summary>
public static class PlantedTruth
{
    public static (List<EvaluatedContact> Contacts, Dictionary<string, DateTimeOffset> HiredAt, Dictionary<string, ScorecardItem> Items) Centre(SimulationOptions options)
    {
        var centre = new CentreSimulation(options);
        var history = new ScorecardHistory(centre.ScorecardVersions.Select(v => new ScorecardVersion(DemoScorecard.Id, v.Version, v.ValidFrom, v.Definition)));
        var contacts = new List<EvaluatedContact>();
        foreach (var month in centre.AgentMonths())
        {
            var byId = month.Contacts.ToDictionary(c => c.Interaction.InteractionId);
            foreach (var e in month.Evaluations.Where(e => e.Kind == Domain.Facts.EvaluationKind.Regular))
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

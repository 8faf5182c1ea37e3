using QmInsights.Domain.Facts;
using QmInsights.Domain.Simulation;

namespace QmInsights.Tests.Simulation;

public sealed class CalibrationSimulationTests
{
    [Fact]
    public void Every_participant_scores_every_contact_the_expert_records_the_truth_and_distortion_shrinks_with_feedback()
    {
        var centre = new CentreSimulation(new SimulationOptions { Agents = 40, Teams = 4, Months = 3 });
        var sessions = CalibrationSimulation.Sessions(centre, sessions: 3, contacts: 10, evaluators: 6, learning: 0.5);
        Assert.Equal(3, sessions.Count);
        Assert.Equal(sessions.OrderBy(s => s.HeldAt).Select(s => s.SessionId), sessions.Select(s => s.SessionId));

        var truth = Enumerable.Range(0, centre.Agents.Count).SelectMany(a => Enumerable.Range(0, 3).SelectMany(m => centre.AgentMonth(a, m).Contacts))
            .ToDictionary(c => c.Interaction.InteractionId, c => c.Behaviour);
        var distorted = new List<int>();
        foreach (var session in sessions)
        {
            Assert.Equal(10, session.InteractionIds.Count);
            Assert.All(session.Evaluations, e => Assert.Equal(EvaluationKind.Calibration, e.Kind));
            Assert.Equal(session.EvaluatorIds.Count * session.InteractionIds.Count, session.Evaluations.Count);
            Assert.Equal(session.Evaluations.Count, session.Evaluations.Select(e => e.EvaluationId).Distinct().Count());
            Assert.Contains(CalibrationSimulation.ExpertId, session.EvaluatorIds);
            Assert.All(session.Evaluations.Where(e => e.EvaluatorId == CalibrationSimulation.ExpertId),
                e => Assert.All(e.Answers, a => Assert.Equal(truth[e.InteractionId][a.ItemId], a.Answer)));
            distorted.Add(session.Evaluations.Sum(e => e.Answers.Count(a => truth[e.InteractionId][a.ItemId] != a.Answer)));
        }
        // Distortion halves each session: the last session has clearly fewer answers away from the truth than the first.
        Assert.True(distorted[^1] < distorted[0], string.Join(", ", distorted));
    }
}

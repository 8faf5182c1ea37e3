using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Simulation;

/// <summary>A simulated calibration session: the contacts, who scores them, and their calibration evaluations.</summary>
public sealed record SimulatedCalibration(string SessionId, DateTimeOffset HeldAt, List<string> InteractionIds, List<string> EvaluatorIds,
    string ExpertId, List<Evaluation> Evaluations);

/// <summary>Calibration sessions spread over the simulated months: several evaluators (lenient and severe ones
/// included) and a QA lead, who records what truly happened, score the same contacts. Feedback works: each session
/// the evaluators' distortions shrink by <c>learning</c>, so the trend of agreement rises.</summary>
public static class CalibrationSimulation
{
    public const string ExpertId = "qa-lead";

    public static List<SimulatedCalibration> Sessions(CentreSimulation centre, int sessions = 3, int contacts = 10, int evaluators = 6,
        double learning = 0.5)
    {
        var o = centre.Options;
        var panel = centre.Evaluators.Take(Math.Min(evaluators, centre.Evaluators.Count)).ToList();
        var expert = new SimulatedEvaluator(ExpertId, 0, 0);
        var result = new List<SimulatedCalibration>();
        for (var s = 0; s < sessions; s++)
        {
            var random = new Random(unchecked(o.Seed * 7_777 + s));
            var month = Math.Min(o.Months - 1, s * o.Months / Math.Max(1, sessions));
            // One contact from each of several agents (those working that month), so the session covers different styles.
            var picked = Enumerable.Range(0, centre.Agents.Count).OrderBy(_ => random.Next())
                .Select(a => centre.AgentMonth(a, month).Contacts)
                .Where(c => c.Count > 0)
                .Take(contacts)
                .Select(c => c[random.Next(c.Count)])
                .ToList();
            var heldAt = new DateTimeOffset(o.Start.AddMonths(month + 1).ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero).AddDays(-3);
            var sessionId = $"cal-{o.Start.AddMonths(month):yyyy-MM}-{s + 1}";
            var factor = Math.Pow(learning, s);
            var evaluations = new List<Evaluation>();
            foreach (var evaluator in panel.Select(e => e with { Leniency = e.Leniency * factor, Severity = e.Severity * factor }).Append(expert))
                foreach (var contact in picked)
                    evaluations.Add(new Evaluation($"{sessionId}-{evaluator.EvaluatorId}-{contact.Interaction.InteractionId}", contact.Interaction.InteractionId,
                        contact.Interaction.AgentId!, evaluator.EvaluatorId, DemoScorecard.Id, null, EvaluationKind.Calibration, // an agent's contact is handled
                        heldAt.AddMinutes(random.Next(120)),
                        Evaluation.Canonical(contact.Behaviour.Select(b => new ItemResponse(b.Key, CentreSimulation.Recorded(b.Value, evaluator, random)))),
                        null, 1));
            result.Add(new SimulatedCalibration(sessionId, heldAt, picked.Select(c => c.Interaction.InteractionId).ToList(),
                panel.Select(e => e.EvaluatorId).Append(ExpertId).ToList(), ExpertId, evaluations));
        }
        return result;
    }
}

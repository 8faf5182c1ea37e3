using QmInsights.Domain.Analytics;
using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Simulation;

/// <summary>One planted effect beside what the analysis made of it.</summary>
public sealed record PlantedCheck(string Driver, Outcome Outcome, double Planted, double? Estimate, double[]? Ci95)
{
    /// <summary>The planted value lies inside the reported 95% interval.</summary>
    public bool Covered => Ci95 is [var low, var high] && low <= Planted && Planted <= high;
}

/// <summary>A driver analysis of one simulated centre scored against the truth it was built on.</summary>
/// <param name="ZeroEffectTests">Tests of items with no effect on any outcome.</param>
/// <param name="FalseAlarms">Those the analysis called an effect.</param>
public sealed record RecoveryResult(List<PlantedCheck> Planted, int ZeroEffectTests, int FalseAlarms, SelectionCounts Selection);

/// <summary>Runs the driver analysis on a simulated centre and compares it with the planted effects: the test every
/// claim of the insights has to pass, one seed at a time (the bench runs many).</summary>
public static class PlantedRecovery
{
    /// <summary>The planted contact-level effects whose size the analysis should recover (those the simulator adds
    /// directly to an outcome, the same on every channel).</summary>
    public static IEnumerable<(string Driver, Outcome Outcome, double Planted)> Targets(PlantedEffects effects) =>
    [
        ("upsell", Outcome.Csat, effects.UpsellCsat),
        ("upsell", Outcome.Nps, effects.UpsellNps),
        ("empathy", Outcome.Csat, effects.EmpathyCsat),
        ("empathy", Outcome.Nps, effects.EmpathyNps),
        ("summary", Outcome.Fcr, effects.SummaryFcr),
    ];

    /// <summary>The CSAT and NPS effects as the customer's answer shows them. The simulator plants them on the
    /// customer's latent score, but the answer is clamped to its scale (1-5, 0-10), so near the top an item moves the
    /// answer less than planted. The truth an analysis of answers can recover is the mean change of the answer on the
    /// surveyed contacts where the item was done: the same centre simulated again with the item's effects set to zero
    /// (every random draw is the same, only the answers move), contact by contact.</summary>
    public static Dictionary<(string Driver, Outcome Outcome), double> AnswerScale(SimulationOptions options)
    {
        var truth = new Dictionary<(string, Outcome), double>();
        foreach (var (item, without) in new (string, Func<PlantedEffects, PlantedEffects>)[]
                 {
                     ("upsell", e => e with { UpsellCsat = 0, UpsellNps = 0 }),
                     ("empathy", e => e with { EmpathyCsat = 0, EmpathyNps = 0 }),
                 })
        {
            double csat = 0, nps = 0;
            int csatCount = 0, npsCount = 0;
            var with = new CentreSimulation(options).AgentMonths().SelectMany(m => m.Contacts);
            var zero = new CentreSimulation(options with { Effects = without(options.Effects) }).AgentMonths().SelectMany(m => m.Contacts);
            foreach (var (a, b) in with.Zip(zero))
            {
                if (a.Behaviour[item] != ItemAnswer.Yes || a.Survey is null || b.Survey is null) continue;
                if (a.Survey.Csat is { } c1 && b.Survey.Csat is { } c0) { csat += c1 - c0; csatCount++; }
                if (a.Survey.Nps is { } n1 && b.Survey.Nps is { } n0) { nps += n1 - n0; npsCount++; }
            }
            if (csatCount > 0) truth[(item, Outcome.Csat)] = csat / csatCount;
            if (npsCount > 0) truth[(item, Outcome.Nps)] = nps / npsCount;
        }
        return truth;
    }

    /// <param name="ignoreSelection">Analyse every evaluation as a random pick (what the engine did before it knew
    /// why a contact was evaluated): the comparison that shows what targeted sampling does to a naive analysis.</param>
    /// <param name="correctMisrecording">Correct item effects for evaluators' misrecording with their agreement in
    /// simulated calibration sessions (the estimand: the effect of the item being done).</param>
    public static RecoveryResult Check(SimulationOptions options, bool ignoreSelection = false, bool correctMisrecording = true)
    {
        var centre = new CentreSimulation(options);
        var (contacts, hiredAt, items) = SimulatedRows.Of(centre);
        if (ignoreSelection)
            contacts = contacts.Select(c => c with { Selection = EvaluationSelection.Random, InclusionProbability = null }).ToList();
        // Calibration sessions in which every evaluator errs as in their regular work (no learning) against the QA lead:
        // what the engine knows about each evaluator's reliability.
        var reliability = correctMisrecording
            ? EvaluatorReliability.FromCalibration(CalibrationSimulation.Sessions(centre, sessions: 3, evaluators: centre.Evaluators.Count, learning: 1)
                .SelectMany(s => s.Evaluations), CalibrationSimulation.ExpertId)
            : null;
        var report = DriverAnalysis.Run(contacts, hiredAt, items, new InsightOptions(TrainModels: false), reliability: reliability);
        var interaction = report.Relationships.Where(r => r.Level == DriverAnalysis.InteractionLevel).ToList();
        var answerScale = AnswerScale(options);
        var planted = Targets(options.Effects).Select(t => (t.Driver, t.Outcome, Planted: answerScale.GetValueOrDefault((t.Driver, t.Outcome), t.Planted))).Select(t =>
        {
            var found = interaction.FirstOrDefault(r => r.Driver == t.Driver && r.Outcome == t.Outcome);
            return new PlantedCheck(t.Driver, t.Outcome, t.Planted, found?.Effect, found?.Ci95);
        }).ToList();
        var zero = interaction.Where(r => options.Effects.ZeroEffectItems.Contains(r.Driver) && r.Effect is not null).ToList();
        return new RecoveryResult(planted, zero.Count, zero.Count(r => r.Verdict == "effect"), report.Selection);
    }
}

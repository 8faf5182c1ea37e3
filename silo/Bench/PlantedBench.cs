using System.Globalization;
using QmInsights.Domain.Simulation;

namespace QmInsights.Silo.Bench;

/// <summary><c>bench --planted [--seeds N]</c>: the planted-truth test over many seeds on a centre that samples like a
/// real one (1 low-CSAT + 1 longest + random picks per agent-month, evaluator rota, more survey answers after an
/// unresolved contact): per planted effect the mean estimate and how often its 95% interval covers the truth, and the
/// share of zero-effect tests called an effect; beside it the same data analysed as if every pick were random.</summary>
public static class PlantedBench
{
    public static int Run(TextWriter log, int seeds)
    {
        var centre = new SimulationOptions
        {
            Agents = 150, Teams = 10, Months = 6, ContactsPerAgentDay = 14, SurveyResponseRate = 0.3,
            EvaluationsPerAgentMonth = 4, Practice = QaPractice.Common,
        };
        log.WriteLine("Evaluators who misrecord some answers (the simulator's default):");
        Compare(log, centre, seeds);
        log.WriteLine();
        log.WriteLine("Evaluators who record exactly what the agent did (the analysis's own accuracy):");
        Compare(log, centre with { Practice = QaPractice.Common with { EvaluatorErrorScale = 0 } }, seeds);
        return 0;
    }

    private static void Compare(TextWriter log, SimulationOptions centre, int seeds)
    {
        var runs = new List<(RecoveryResult Aware, RecoveryResult Naive)>();
        for (var seed = 1; seed <= seeds; seed++)
        {
            var options = centre with { Seed = seed };
            runs.Add((PlantedRecovery.Check(options), PlantedRecovery.Check(options, ignoreSelection: true, correctMisrecording: false)));
            log.WriteLine($"  seed {seed}/{seeds} done");
        }
        log.WriteLine();
        log.WriteLine($"{runs[0].Aware.Selection.Describe()} (seed 1)");
        log.WriteLine();
        log.WriteLine($"| planted effect ({seeds} seeds) | planted on the answer scale (mean) | mean estimate | 95% CI coverage | mean estimate, picks read as random | coverage, picks read as random |");
        log.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        var targets = runs[0].Aware.Planted.Count;
        for (var t = 0; t < targets; t++)
        {
            var aware = runs.Select(r => r.Aware.Planted[t]).ToList();
            var naive = runs.Select(r => r.Naive.Planted[t]).ToList();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {aware[0].Driver} on {aware[0].Outcome} | {aware.Average(p => p.Planted):0.###} | {aware.Average(p => p.Estimate ?? double.NaN):0.###} | {aware.Count(p => p.Covered) / (double)seeds:P0} | {naive.Average(p => p.Estimate ?? double.NaN):0.###} | {naive.Count(p => p.Covered) / (double)seeds:P0} |"));
        }
        var all = runs.SelectMany(r => r.Aware.Planted).ToList();
        var allNaive = runs.SelectMany(r => r.Naive.Planted).ToList();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| all planted effects | | | {all.Count(p => p.Covered) / (double)all.Count:P0} | | {allNaive.Count(p => p.Covered) / (double)allNaive.Count:P0} |"));
        int Tests(Func<(RecoveryResult Aware, RecoveryResult Naive), RecoveryResult> pick) => runs.Sum(r => pick(r).ZeroEffectTests);
        int Alarms(Func<(RecoveryResult Aware, RecoveryResult Naive), RecoveryResult> pick) => runs.Sum(r => pick(r).FalseAlarms);
        log.WriteLine();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"False alarms on zero-effect items: {Alarms(r => r.Aware)} of {Tests(r => r.Aware)} tests ({Alarms(r => r.Aware) / (double)Tests(r => r.Aware):P1}); picks read as random: {Alarms(r => r.Naive)} of {Tests(r => r.Naive)} ({Alarms(r => r.Naive) / (double)Tests(r => r.Naive):P1})."));
    }
}

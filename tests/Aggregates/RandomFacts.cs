using System.Collections.Immutable;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;

namespace QmInsights.Tests.Aggregates;

/// <summary>Random facts over a few agents, teams and weeks, with duplicates, revisions, agents changing team,
/// surveys/evaluations that may arrive before their interaction, millisecond durations and abandoned contacts.</summary>
public sealed class RandomFacts
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public ScorecardDefinition Scorecard { get; } = new("Random", 80, [
        new ScorecardSection("open", "Opening", 2.0, [
            new ScorecardItem("greet", "Greets", null, 2, false, false, NaPolicy.Exclude),
            new ScorecardItem("verify", "Verifies identity", null, 1, false, true, NaPolicy.Exclude),
        ]),
        new ScorecardSection("close", "Closing", 1.0, [
            new ScorecardItem("summary", "Summarises", null, 3, true, false, NaPolicy.Fail),
            new ScorecardItem("upsell", "Offers more", null, 1, false, false, NaPolicy.Pass),
        ]),
    ]);

    public List<Interaction> Interactions { get; } = new();
    public List<Survey> Surveys { get; } = new();
    /// <summary>Every submitted evaluation, revisions included.</summary>
    public List<Evaluation> Evaluations { get; } = new();

    public RandomFacts(int seed, int interactions, string prefix = "")
    {
        var random = new Random(seed);
        var channels = Enum.GetValues<Channel>();
        var items = new[] { "greet", "verify", "summary", "upsell" };
        for (var i = 0; i < interactions; i++)
        {
            var agent = random.Next(12);
            // Agents move between teams over time: the interaction's team must decide.
            var team = (agent + random.Next(2)) % 4;
            var started = Start.AddMinutes(random.Next(60 * 24 * 70));
            var id = $"{prefix}i{i}";
            var local = started.ToOffset(TimeSpan.FromHours(random.Next(-5, 6)));
            var wait = Math.Round(random.NextDouble() * 120, 3);
            if (random.NextDouble() < 0.1)
            {
                // Abandoned in the queue: no agent, no team, no handle time, nothing to survey or evaluate.
                Interactions.Add(new Interaction(id, channels[random.Next(3)], null, null, "q", local, 0, null, wait, null,
                    random.Next(4) == 0 ? ContactOutcome.ShortAbandoned : ContactOutcome.Abandoned));
                continue;
            }
            // Durations to the millisecond, zero included, as exports give them.
            Interactions.Add(new Interaction(id, channels[random.Next(3)], $"{prefix}a{agent}", $"{prefix}t{team}", "q",
                local, random.Next(50) == 0 ? 0 : Math.Round(30 + random.NextDouble() * 1170, 3), null, wait,
                random.Next(3) switch { 0 => null, 1 => true, _ => false }));
            if (random.NextDouble() < 0.4)
            {
                // One of the two answers may be missing, never both (the contract rejects an empty survey).
                var skip = random.Next(10);
                Surveys.Add(new Survey(id, started.AddHours(random.Next(1, 72)),
                    skip == 0 ? null : random.Next(1, 6),
                    skip == 1 ? null : random.Next(0, 11)));
            }
            if (random.NextDouble() < 0.3)
            {
                var kind = random.Next(10) switch { 0 => EvaluationKind.Calibration, 1 => EvaluationKind.Self, _ => EvaluationKind.Regular };
                var revisions = random.NextDouble() < 0.2 ? 2 : 1;
                for (var r = 1; r <= revisions; r++)
                {
                    var answers = Evaluation.Canonical(items.Select(item => new ItemResponse(item,
                        random.Next(6) switch { 0 => ItemAnswer.No, 1 => ItemAnswer.NotApplicable, _ => ItemAnswer.Yes })));
                    // Occasionally everything N/A: such an evaluation has no score.
                    if (random.NextDouble() < 0.03)
                        answers = Evaluation.Canonical(items.Select(item => new ItemResponse(item, ItemAnswer.NotApplicable)));
                    // Some picks targeted, some random with a known inclusion probability (from the index, not the
                    // random stream, so the rest of the data stays as it was).
                    var (selection, inclusion) = (i % 7) switch
                    {
                        0 => (EvaluationSelection.Targeted, (double?)1.0),
                        3 => (EvaluationSelection.Random, 0.25),
                        _ => (EvaluationSelection.Random, null),
                    };
                    Evaluations.Add(new Evaluation($"{prefix}e{i}", id, $"{prefix}a{agent}", $"ev{random.Next(4)}", "sc", null, kind,
                        started.AddDays(random.Next(0, 20)), answers, null, r, selection, inclusion));
                }
            }
        }
    }

    /// <summary>Every fact once (all revisions), a tenth of them twice, all in random order: surveys and evaluations
    /// often arrive before their interaction and lower revisions after higher ones.</summary>
    public List<object> ShuffledSubmissions(int seed)
    {
        var random = new Random(seed);
        var submissions = Interactions.Cast<object>().Concat(Surveys).Concat(Evaluations).ToList();
        submissions.AddRange(submissions.Where(_ => random.NextDouble() < 0.1).ToList());
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(submissions));
        return submissions;
    }

    /// <summary>The latest revision of each evaluation: what the aggregates must count.</summary>
    public IEnumerable<Evaluation> FinalEvaluations() =>
        Evaluations.GroupBy(e => e.EvaluationId).Select(g => g.MaxBy(e => e.Revision)!);
}

using System.Globalization;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;

namespace QmInsights.Domain.Analytics;

/// <summary>An item's regression effect within one subgroup (e.g. on chat).</summary>
[GenerateSerializer, Alias("qm.SubgroupEffect")]
public sealed record SubgroupEffect(string Level, double Effect, double[] Ci95, int NYes, int NNo);

/// <summary>An item whose association with an outcome differs by channel, queue or tenure: found by the ML.NET model
/// on held-out agents and confirmed by the cluster-robust regression with item-by-subgroup terms.</summary>
/// <param name="Dimension">"channel", "queue" (channel/queue) or "tenure" (first 90 days or after).</param>
/// <param name="Level">The subgroup the model singled out.</param>
/// <param name="ModelContrast">The model's effect of the item within <paramref name="Level"/> minus elsewhere, mean over
/// the folds, with <paramref name="ModelContrastCi95"/> across them.</param>
/// <param name="F">Cluster-robust Wald F of the item-by-subgroup terms (the effect is the same in every subgroup),
/// on <paramref name="Df1"/> and <paramref name="Df2"/> (clusters - 1) degrees of freedom.</param>
/// <param name="PAdjusted">Holm-adjusted over every item, dimension and outcome the validated models could have
/// raised, so the screen by the model does not make chance findings easier to confirm.</param>
/// <param name="Effects">The regression's item effect in each subgroup with enough answers (the largest subgroup also
/// stands for subgroups with too few).</param>
[GenerateSerializer, Alias("qm.EffectDifference")]
public sealed record EffectDifference(string ItemId, Outcome Outcome, string Dimension, string Level, double ModelContrast,
    double[] ModelContrastCi95, double F, int Df1, int Df2, double P, double PAdjusted, List<SubgroupEffect> Effects, string Explanation);

/// <summary>Items whose effect differs by subgroup: candidates from the models (<see cref="DriverModel"/>), each tested
/// by adding item x subgroup terms to the outcome's item regression (same controls, weights and clustering) and a
/// joint Wald test of those terms, Holm-corrected over the whole family of hypotheses the models could have raised.
/// Only confirmed differences are reported.</summary>
public static class Heterogeneity
{
    /// <summary>Family-wise error level of the confirmations.</summary>
    public const double FamilyLevel = 0.05;
    /// <summary>Candidates per outcome sent to the regression.</summary>
    public const int MaxCandidates = 4;

    /// <summary>Answers yes and no a subgroup needs to get its own interaction term.</summary>
    public const int MinimumPerLevel = 10;

    public static IReadOnlyList<string> Dimensions { get; } = ["channel", "queue", "tenure"];

    /// <summary>The contact's subgroup along <paramref name="dimension"/>.</summary>
    public static string Level(string dimension, EvaluatedContact row, DesignContext context) => dimension switch
    {
        "channel" => row.Channel.ToString().ToLowerInvariant(),
        "queue" => $"{row.Channel.ToString().ToLowerInvariant()}/{row.Queue}",
        _ => context.TenureDays(row) < 90 ? "first 90 days" : "after 90 days",
    };

    public static List<EffectDifference> Confirm(IReadOnlyList<EvaluatedContact> sampleRows, IReadOnlyList<ModelScreen> screens,
        DesignContext context, IReadOnlyDictionary<string, ScorecardItem> items, InsightOptions options)
    {
        var tested = new List<(ModelScreen Screen, SubgroupCandidate Candidate, (double F, int Df1, int Df2, double P) Wald, List<SubgroupEffect> Effects)>();
        foreach (var screen in screens)
        {
            var rows = sampleRows.Where(r => screen.Model.Outcome.Of(r) is not null).ToList();
            // The strongest few per outcome: each confirmation is a full regression, and the family size (below) does not
            // shrink for candidates left untested, so the cap costs power at most, never validity.
            foreach (var candidate in screen.Candidates.OrderByDescending(c => Math.Abs(c.Contrast) / Math.Max(1e-12, c.Ci95[1] - c.Ci95[0])).Take(MaxCandidates))
                if (Test(rows, screen.Model.Outcome, candidate, context, items, options) is { } t)
                    tested.Add((screen, candidate, t.Wald, t.Effects));
        }
        // Hypotheses the models did not raise are never rejected: they stand in the family at p = 1.
        var family = Math.Max(tested.Count, screens.Sum(s => s.Hypotheses));
        var adjusted = Holm.Adjust(tested.Select(t => t.Wald.P).Concat(Enumerable.Repeat(1.0, family - tested.Count)).ToList());
        // One finding per item and outcome: the dimension the regression is surest of (a chat-only effect also shows by
        // queue, the chat queues being part of chat); the others are named in its explanation.
        return tested.Select((t, i) => (t, PAdjusted: adjusted[i]))
            .Where(p => p.PAdjusted <= FamilyLevel)
            .GroupBy(p => (p.t.Candidate.ItemId, p.t.Screen.Model.Outcome))
            .Select(g =>
            {
                var ranked = g.OrderBy(p => p.PAdjusted).ThenByDescending(p => p.t.Wald.F).ToList();
                var best = ranked[0];
                var also = string.Join("", ranked.Skip(1).Select(p => string.Create(CultureInfo.InvariantCulture,
                    $" It also differs by {p.t.Candidate.Dimension} (Holm-adjusted p {PValue(p.PAdjusted)}).")));
                return Describe(g.Key.Outcome, best.t.Candidate, best.t.Wald, best.PAdjusted, best.t.Effects, family, items, also);
            })
            .OrderBy(d => d.PAdjusted).ToList();
    }

    private static string PValue(double p) => p < 0.0001 ? "< 0.0001" : string.Create(CultureInfo.InvariantCulture, $"= {p:0.####}");

    private static ((double F, int Df1, int Df2, double P) Wald, List<SubgroupEffect> Effects)? Test(List<EvaluatedContact> rows, Outcome outcome,
        SubgroupCandidate candidate, DesignContext context, IReadOnlyDictionary<string, ScorecardItem> items, InsightOptions options)
    {
        var design = DriverAnalysis.ItemDesign(rows, outcome, context, items.Keys, options, out var testable);
        if (design is null || !testable.Contains(candidate.ItemId)) return null;
        var id = candidate.ItemId;
        string LevelOf(EvaluatedContact r) => Level(candidate.Dimension, r, context);
        var counts = rows.GroupBy(LevelOf).Select(g => (Level: g.Key,
                Yes: g.Count(r => DriverAnalysis.Answer(r, id) == ItemAnswer.Yes), No: g.Count(r => DriverAnalysis.Answer(r, id) == ItemAnswer.No)))
            .Where(c => c.Yes >= MinimumPerLevel && c.No >= MinimumPerLevel).OrderByDescending(c => c.Yes + c.No).ThenBy(c => c.Level, StringComparer.Ordinal).ToList();
        if (counts.Count < 2) return null;
        var terms = counts.Skip(1).Select(c => (c.Level, Name: $"{id}=yes x {candidate.Dimension}={c.Level}")).ToList();
        foreach (var (level, name) in terms)
            design.Add(name, r => DriverAnalysis.Answer(r, id) == ItemAnswer.Yes && LevelOf(r) == level ? 1 : 0);
        var model = design.Fit(outcome);
        if (model.Wald(terms.Select(t => t.Name).ToList()) is not { } wald) return null;
        var critical = model.Critical(0.95);
        var effects = new List<SubgroupEffect>();
        foreach (var c in counts)
        {
            var multipliers = new Dictionary<string, double> { [$"{id}=yes"] = 1 };
            if (terms.FirstOrDefault(t => t.Level == c.Level).Name is { } term) multipliers[term] = 1;
            if (model.Combination(multipliers) is not { } e) continue;
            effects.Add(new SubgroupEffect(c.Level, e.Estimate, [e.Estimate - critical * e.StandardError, e.Estimate + critical * e.StandardError], c.Yes, c.No));
        }
        return (wald, effects);
    }

    private static EffectDifference Describe(Outcome outcome, SubgroupCandidate c, (double F, int Df1, int Df2, double P) wald, double pAdjusted,
        List<SubgroupEffect> effects, int family, IReadOnlyDictionary<string, ScorecardItem> items, string also)
    {
        var what = items.TryGetValue(c.ItemId, out var item) ? $"'{item.Text}' ({c.ItemId})" : $"Item {c.ItemId}";
        string Said(SubgroupEffect e) => string.Create(CultureInfo.InvariantCulture,
            $"{outcome.Describe(e.Effect)} {(c.Dimension == "tenure" ? "in the " : "on ")}{e.Level} (95% CI {Scale(e.Ci95[0]):0.###} to {Scale(e.Ci95[1]):0.###}, {e.NYes} yes / {e.NNo} no)");
        double Scale(double v) => outcome == Outcome.Fcr ? v * 100 : v;
        var flagged = effects.FirstOrDefault(e => e.Level == c.Level);
        var others = effects.Where(e => e != flagged).ToList();
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{what} done rather than not is associated with {(flagged is null ? "a different effect" : Said(flagged))}{(others.Count > 0 ? ", against " + string.Join("; ", others.Select(Said)) : "")}. " +
            $"The effect differs by {c.Dimension}: found by the ML.NET model on held-out agents (effect on {c.Level} minus elsewhere {outcome.Describe(c.Contrast)}, 95% CI {Scale(c.Ci95[0]):0.###} to {Scale(c.Ci95[1]):0.###}) " +
            $"and confirmed by the regression with item x {c.Dimension} terms (cluster-robust Wald F({wald.Df1}, {wald.Df2}) = {wald.F:0.##}, Holm-adjusted p {PValue(pAdjusted)} over {family} hypotheses).{also}");
        return new EffectDifference(c.ItemId, outcome, c.Dimension, c.Level, c.Contrast, c.Ci95, wald.F, wald.Df1, wald.Df2, wald.P, pAdjusted, effects, text);
    }
}

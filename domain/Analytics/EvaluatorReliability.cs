using MathNet.Numerics.Distributions;
using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Analytics;

/// <summary>How often one evaluator's yes/no answers differ from the reference's (the session expert) on the same
/// contacts and items in calibration sessions.</summary>
/// <param name="ReferenceNo">Answers the reference gave as "no" that the evaluator also answered yes or no.</param>
/// <param name="YesOnNo">Of those, answered "yes" by the evaluator.</param>
[GenerateSerializer, Alias("qm.EvaluatorReliability")]
public sealed record EvaluatorReliability(string EvaluatorId, int ReferenceNo, int YesOnNo, int ReferenceYes, int NoOnYes)
{
    /// <summary>Chance of recording "yes" where the item was not done (posterior mean under Jeffreys' prior).</summary>
    public double FalseYes => (YesOnNo + 0.5) / (ReferenceNo + 1);

    /// <summary>Chance of recording "no" where the item was done.</summary>
    public double FalseNo => (NoOnYes + 0.5) / (ReferenceYes + 1);

    /// <summary>Both rates drawn from their Beta posteriors: one draw of what the evaluator's rates might be.</summary>
    public (double FalseYes, double FalseNo) Draw(Random random) =>
        (Beta.Sample(random, YesOnNo + 0.5, ReferenceNo - YesOnNo + 0.5), Beta.Sample(random, NoOnYes + 0.5, ReferenceYes - NoOnYes + 0.5));

    /// <summary>Each evaluator's agreement with the reference on calibration evaluations, plus a pooled entry (id
    /// <see cref="Pooled"/>) for evaluators who took part in no session.</summary>
    public static Dictionary<string, EvaluatorReliability> FromCalibration(IEnumerable<Evaluation> calibration, string referenceId) =>
        FromSessions([(calibration, referenceId)]);

    /// <summary>As <see cref="FromCalibration"/> over several sessions, each against its own reference (the session's
    /// expert): an evaluator's counts add up across the sessions they took part in.</summary>
    public static Dictionary<string, EvaluatorReliability> FromSessions(IEnumerable<(IEnumerable<Evaluation> Evaluations, string ReferenceId)> sessions)
    {
        var counts = new Dictionary<string, (int No, int YesOnNo, int Yes, int NoOnYes)>(StringComparer.Ordinal);
        foreach (var (evaluations, referenceId) in sessions)
        {
            var list = evaluations.Where(e => e.Kind == EvaluationKind.Calibration).ToList();
            var reference = list.Where(e => e.EvaluatorId == referenceId)
                .SelectMany(e => e.Answers.Select(a => (Key: (e.InteractionId, a.ItemId), a.Answer)))
                .Where(p => p.Answer is ItemAnswer.Yes or ItemAnswer.No)
                .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Answer);
            foreach (var e in list.Where(e => e.EvaluatorId != referenceId))
            {
                var (no, yesOnNo, yes, noOnYes) = counts.GetValueOrDefault(e.EvaluatorId);
                foreach (var a in e.Answers)
                {
                    if (a.Answer is not (ItemAnswer.Yes or ItemAnswer.No) || !reference.TryGetValue((e.InteractionId, a.ItemId), out var truth)) continue;
                    if (truth == ItemAnswer.No) { no++; if (a.Answer == ItemAnswer.Yes) yesOnNo++; }
                    else { yes++; if (a.Answer == ItemAnswer.No) noOnYes++; }
                }
                counts[e.EvaluatorId] = (no, yesOnNo, yes, noOnYes);
            }
        }
        var result = counts.ToDictionary(c => c.Key, c => new EvaluatorReliability(c.Key, c.Value.No, c.Value.YesOnNo, c.Value.Yes, c.Value.NoOnYes),
            StringComparer.Ordinal);
        result[Pooled] = new EvaluatorReliability(Pooled, result.Values.Sum(r => r.ReferenceNo), result.Values.Sum(r => r.YesOnNo),
            result.Values.Sum(r => r.ReferenceYes), result.Values.Sum(r => r.NoOnYes));
        return result;
    }

    /// <summary>The entry that stands for evaluators without calibration evidence of their own.</summary>
    public const string Pooled = "(pooled)";
}

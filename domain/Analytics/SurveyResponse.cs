using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using QmInsights.Domain.Forecasting;

namespace QmInsights.Domain.Analytics;

/// <summary>A survey-based figure over the contacts as the respondents give it and as the response weights give it.</summary>
/// <param name="Outcome">CSAT (mean 1-5) or a share (satisfied, promoters, detractors; 0..1).</param>
/// <param name="Unweighted">The respondents' mean, what a plain average of the answers says.</param>
/// <param name="Weighted">The mean with each respondent weighted by the inverse of their response probability: an
/// estimate for every contact, answered or not, as far as response depends on what the response model knows.</param>
[GenerateSerializer, Alias("qm.ResponseWeightedEstimate")]
public sealed record ResponseWeightedEstimate(Outcome Outcome, int Responses, double Unweighted, double[] UnweightedCi95, double Weighted,
    double[] WeightedCi95);

/// <summary>Who answers the survey, and the weights that correct for it.</summary>
/// <param name="Contacts">Contacts the response model was fitted on (the inference sample: evaluated contacts).</param>
/// <param name="Predictors">What the response model uses: facts known for every contact, answered or not.</param>
/// <param name="WeightMin">Smallest stabilised weight after trimming (median and largest likewise).</param>
/// <param name="TrimmedLow">Weights below this (the 1st percentile) were raised to it.</param>
/// <param name="TrimmedHigh">Weights above this (the 99th percentile) were lowered to it.</param>
/// <param name="Trimmed">Respondents whose weight was trimmed.</param>
/// <param name="EffectiveResponses">Kish's effective sample size, (sum w)^2 / sum w^2: what the weights cost in precision.</param>
[GenerateSerializer, Alias("qm.SurveyResponse")]
public sealed record SurveyResponseSummary(int Contacts, int Responses, double ResponseRate, List<string> Predictors, double WeightMin,
    double WeightMedian, double WeightMax, double TrimmedLow, double TrimmedHigh, int Trimmed, double EffectiveResponses,
    List<ResponseWeightedEstimate> Estimates, string Summary);

/// <summary>Survey non-response: customers answer after a minority of contacts, and more often after some (an unresolved
/// problem, a long wait) than after others, so a plain average of the answers speaks for the customers who answer. A
/// logistic response model (responded ~ channel + queue + team + log handle minutes + first-contact resolution, facts
/// known for every contact) gives each contact its response probability p; each respondent is weighted by the
/// stabilised inverse, (overall rate) / p (Robins, Hernán &amp; Brumback 2000), trimmed to its 1st and 99th percentiles
/// (Cole &amp; Hernán 2008, "Constructing inverse probability weights for marginal structural models", AJE 168(6)), so
/// a handful of near-zero probabilities cannot swamp the estimate. The weights multiply the sampling weights in every
/// CSAT and NPS regression. They correct for what the model knows; response that depends on something unrecorded (the
/// customer's mood) stays uncorrected. The intervals treat the weights as known.</summary>
public sealed class SurveyResponse
{
    /// <summary>Percentiles the stabilised weights are trimmed to.</summary>
    public const double TrimPercentile = 0.01;

    // A weak ridge on the log-odds (a N(0, 1) prior on each coefficient but the intercept) keeps a queue or team whose
    // contacts all answered, or none did, from driving its coefficient to infinity.
    private const double Ridge = 1;

    private readonly Dictionary<EvaluatedContact, double> _weights;

    /// <summary>What the weighting did, for the report.</summary>
    public SurveyResponseSummary Summary { get; }

    private SurveyResponse(Dictionary<EvaluatedContact, double> weights, SurveyResponseSummary summary)
    {
        _weights = weights;
        Summary = summary;
    }

    /// <summary>A respondent's response weight (1 for a contact without an answer, which no survey analysis uses).</summary>
    public double Weight(EvaluatedContact row) => _weights.GetValueOrDefault(row, 1);

    /// <summary>Whether the customer answered the survey (CSAT or NPS).</summary>
    public static bool Responded(EvaluatedContact c) => c.Csat is not null || c.Nps is not null;

    /// <summary>Fits the response model on the inference sample's rows (each with its sampling weight); null when there
    /// are too few respondents or non-respondents to model.</summary>
    public static SurveyResponse? Fit(InferenceSample sample, int minimum = 20)
    {
        var rows = sample.Rows;
        var responses = rows.Count(Responded);
        if (responses < minimum || rows.Count - responses < minimum) return null;

        var (x, width) = Design(rows);
        var y = rows.Select(r => Responded(r) ? 1.0 : 0.0).ToList();
        var w = rows.Select(sample.Weight).ToList();
        var p = Logistic(x, width, y, w);

        var rate = Enumerable.Range(0, rows.Count).Sum(i => w[i] * y[i]) / w.Sum();
        var respondents = Enumerable.Range(0, rows.Count).Where(i => y[i] == 1).ToList();
        var raw = respondents.Select(i => rate / p[i]).ToList();
        var sorted = raw.Order().ToArray();
        double low = ResidualBands.Quantile(sorted, TrimPercentile), high = ResidualBands.Quantile(sorted, 1 - TrimPercentile);
        var trimmed = raw.Select(v => Math.Clamp(v, low, high)).ToList();
        var weights = new Dictionary<EvaluatedContact, double>(ReferenceEqualityComparer.Instance);
        for (var k = 0; k < respondents.Count; k++) weights[rows[respondents[k]]] = trimmed[k];

        var combined = respondents.Select((i, k) => w[i] * trimmed[k]).ToList();
        var effective = Math.Pow(combined.Sum(), 2) / combined.Sum(v => v * v);
        var ordered = trimmed.Order().ToArray();
        var estimates = new[] { Outcome.Csat, Outcome.CsatTop2Box, Outcome.Promoters, Outcome.Detractors }
            .Select(o => Estimate(o, rows, respondents, w, weights)).OfType<ResponseWeightedEstimate>().ToList();
        var predictors = new List<string> { "channel", "queue", "team", "log handle minutes", "first-contact resolution" };
        var summary = new SurveyResponseSummary(rows.Count, responses, rate, predictors, ordered[0], ResidualBands.Quantile(ordered, 0.5), ordered[^1], low, high,
            raw.Count(v => v < low || v > high), effective, estimates,
            string.Create(CultureInfo.InvariantCulture,
                $"{responses} of {rows.Count} evaluated contacts have a survey answer ({rate:P0}, weighted). CSAT and NPS analyses weight each answer by the inverse of its response probability (logistic model on channel, queue, team, handle time and first-contact resolution; stabilised, trimmed to the 1st-99th percentile, {low:0.00} to {high:0.00}): weights {ordered[0]:0.00} to {ordered[^1]:0.00}, median {ResidualBands.Quantile(ordered, 0.5):0.00}; {effective:0} effective answers."));
        return new SurveyResponse(weights, summary);
    }

    // Each row's non-zero columns, (index, value): the intercept (0), a dummy for each level after the first of channel,
    // queue and team, log handle minutes, and FCR as resolved / unresolved against unknown. Sparse, because a row has
    // six non-zero columns of the dozens the dummies make, and the fit runs on every evaluated contact of a large centre.
    private static (List<(int Index, double Value)[]> Rows, int Width) Design(IReadOnlyList<EvaluatedContact> rows)
    {
        var width = 1;
        var factors = new List<(Func<EvaluatedContact, string> Level, Dictionary<string, int> Index)>();
        foreach (var level in new Func<EvaluatedContact, string>[] { r => r.Channel.ToString(), r => $"{r.Channel}/{r.Queue}", r => r.TeamId })
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var l in rows.Select(level).Distinct().Order(StringComparer.Ordinal).Skip(1)) index[l] = width++;
            factors.Add((level, index));
        }
        var (handle, resolved, unresolved) = (width, width + 1, width + 2);
        var x = rows.Select(r =>
        {
            var row = new List<(int, double)>(6) { (0, 1) };
            foreach (var (level, index) in factors)
                if (index.TryGetValue(level(r), out var i)) row.Add((i, 1));
            row.Add((handle, Math.Log(1 + r.HandleSeconds / 60)));
            if (r.ResolvedFirstContact is { } fcr) row.Add((fcr ? resolved : unresolved, 1));
            return row.ToArray();
        }).ToList();
        return (x, width + 3);
    }

    // Weighted logistic regression by Newton-Raphson on the penalised log-likelihood; returns each row's probability.
    private static double[] Logistic(List<(int Index, double Value)[]> x, int k, List<double> y, List<double> w)
    {
        var beta = Vector<double>.Build.Dense(k);
        var p = new double[x.Count];
        void Predict()
        {
            for (var i = 0; i < x.Count; i++)
            {
                var eta = 0.0;
                foreach (var (j, v) in x[i]) eta += beta[j] * v;
                p[i] = 1 / (1 + Math.Exp(-eta));
            }
        }
        for (var iteration = 0; iteration < 50; iteration++)
        {
            Predict();
            var hessian = new double[k, k];
            var gradient = Vector<double>.Build.Dense(k);
            for (var i = 0; i < x.Count; i++)
            {
                var curvature = w[i] * p[i] * (1 - p[i]);
                var residual = w[i] * (y[i] - p[i]);
                foreach (var (a, va) in x[i])
                {
                    gradient[a] += residual * va;
                    foreach (var (b, vb) in x[i]) hessian[a, b] += curvature * va * vb;
                }
            }
            for (var j = 1; j < k; j++)
            {
                hessian[j, j] += Ridge;
                gradient[j] -= Ridge * beta[j];
            }
            var step = Matrix<double>.Build.DenseOfArray(hessian).Solve(gradient);
            beta += step;
            if (step.AbsoluteMaximum() < 1e-8) break;
        }
        Predict();
        return p;
    }

    // The respondents' mean of an outcome, unweighted and weighted, each with its interval from an intercept-only
    // regression clustered by agent (the same sandwich the driver analysis uses).
    private static ResponseWeightedEstimate? Estimate(Outcome outcome, IReadOnlyList<EvaluatedContact> rows, List<int> respondents,
        List<double> sampling, Dictionary<EvaluatedContact, double> weights)
    {
        var answered = respondents.Where(i => outcome.Of(rows[i]) is not null).ToList();
        if (answered.Count < 2 || answered.Select(i => rows[i].AgentId).Distinct().Count() < 2) return null;
        var y = answered.Select(i => outcome.Of(rows[i])!.Value).ToList();
        var clusters = answered.Select(i => rows[i].AgentId).ToList();
        var empty = answered.Select(_ => Array.Empty<double>()).ToList();
        var plain = LinearModel.Fit(empty, y, [], answered.Select(i => sampling[i]).ToList(), clusters).Effect("(intercept)")!.Value;
        var weighted = LinearModel.Fit(empty, y, [], answered.Select(i => sampling[i] * weights[rows[i]]).ToList(), clusters).Effect("(intercept)")!.Value;
        return new ResponseWeightedEstimate(outcome, answered.Count, plain.Estimate, [plain.Low, plain.High], weighted.Estimate, [weighted.Low, weighted.High]);
    }
}

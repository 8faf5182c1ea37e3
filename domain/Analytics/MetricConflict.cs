namespace QmInsights.Domain.Analytics;

/// <summary>Two targets that pull in opposite directions, with the evidence: what happens, how big, how sure, and
/// what it costs.</summary>
/// <param name="MetricA">The target that rewards the behaviour (e.g. "qa:upsell", "handleTime").</param>
/// <param name="MetricB">The target it works against (e.g. "csat", "fcr").</param>
/// <param name="Direction">"opposite": meeting A moves B the wrong way.</param>
/// <param name="Cost">What it costs per contact in plain units, when measurable (e.g. "+231 s handle time").</param>
[GenerateSerializer, Alias("qm.MetricConflict")]
public sealed record MetricConflict(
    string MetricA,
    string MetricB,
    string? ItemId,
    string Direction,
    double Effect,
    string EffectUnit,
    double[] Ci95,
    int N,
    double PAdjusted,
    string? Cost,
    string Explanation);

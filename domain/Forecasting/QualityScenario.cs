namespace QmInsights.Domain.Forecasting;

/// <summary>A change in agent behaviour priced in handle time: "adherence to item X rises from p to q" adds
/// (q - p) x the item's handle-time effect to each contact where the item applies, so the average contact gains
/// applicable share x (q - p) x effect. The effect's 95% interval, when known, carries through to the price.</summary>
/// <param name="Description">What changes, in words.</param>
/// <param name="ItemId">The scorecard item, if the scenario is about one.</param>
/// <param name="FromShare">Today's share of applicable contacts where the behaviour happens (0-1).</param>
/// <param name="ToShare">The share the target asks for (0-1).</param>
/// <param name="EffectSeconds">Handle seconds the behaviour adds to a contact where it happens.</param>
/// <param name="EffectSource">Where the effect comes from ("driver analysis", "given").</param>
/// <param name="ApplicableShare">Share of contacts where the item applies (evaluated yes or no, not N/A), 0-1.</param>
/// <param name="EffectLow95">Lower end of the effect's 95% confidence interval; null when given without one.</param>
/// <param name="EffectHigh95">Upper end of the effect's 95% confidence interval.</param>
public sealed record QualityScenario(string Description, string? ItemId, double FromShare, double ToShare, double EffectSeconds, string EffectSource,
    double ApplicableShare = 1, double? EffectLow95 = null, double? EffectHigh95 = null)
{
    /// <summary>Seconds the average contact gains.</summary>
    public double ExtraHandleSeconds => Extra(EffectSeconds);

    /// <summary>Seconds the average contact gains at each end of the effect's interval (low, high); the point value twice
    /// when the effect has no interval.</summary>
    public (double Low, double High) ExtraHandleSecondsRange
    {
        get
        {
            var a = Extra(EffectLow95 ?? EffectSeconds);
            var b = Extra(EffectHigh95 ?? EffectSeconds);
            return (Math.Min(a, b), Math.Max(a, b));
        }
    }

    private double Extra(double effect) => ApplicableShare * (ToShare - FromShare) * effect;

    /// <summary>Problems with the scenario, each naming its field.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (FromShare is < 0 or > 1 || double.IsNaN(FromShare)) problems.Add("adherenceFrom: must be a share between 0 and 1");
        if (ToShare is < 0 or > 1 || double.IsNaN(ToShare)) problems.Add("adherenceTo: must be a share between 0 and 1");
        if (ApplicableShare is < 0 or > 1 || double.IsNaN(ApplicableShare)) problems.Add("applicableShare: must be a share between 0 and 1");
        if (!double.IsFinite(EffectSeconds) || Math.Abs(EffectSeconds) > 3600) problems.Add("effectSeconds: must be a number of seconds within ±3600");
        return problems;
    }
}

namespace QmInsights.Domain.Forecasting;

/// <summary>A change in agent behaviour priced in handle time: "adherence to item X rises from p to q" adds
/// (q - p) x the item's handle-time effect to the average contact.</summary>
/// <param name="Description">What changes, in words.</param>
/// <param name="ItemId">The scorecard item, if the scenario is about one.</param>
/// <param name="FromShare">Today's share of contacts where the behaviour happens (0-1).</param>
/// <param name="ToShare">The share the target asks for (0-1).</param>
/// <param name="EffectSeconds">Handle seconds the behaviour adds to a contact where it happens.</param>
/// <param name="EffectSource">Where the effect comes from ("driver analysis", "given").</param>
public sealed record QualityScenario(string Description, string? ItemId, double FromShare, double ToShare, double EffectSeconds, string EffectSource)
{
    /// <summary>Seconds the average contact gains.</summary>
    public double ExtraHandleSeconds => (ToShare - FromShare) * EffectSeconds;

    /// <summary>Problems with the scenario, each naming its field.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (FromShare is < 0 or > 1 || double.IsNaN(FromShare)) problems.Add("adherenceFrom: must be a share between 0 and 1");
        if (ToShare is < 0 or > 1 || double.IsNaN(ToShare)) problems.Add("adherenceTo: must be a share between 0 and 1");
        if (!double.IsFinite(EffectSeconds) || Math.Abs(EffectSeconds) > 3600) problems.Add("effectSeconds: must be a number of seconds within ±3600");
        return problems;
    }
}

namespace QmInsights.Domain.Simulation;

/// <summary>The true effects the simulator builds into the data, which the analytics must recover. CSAT and NPS
/// effects are on the expected score (1-5 and 0-10); clamping at the ends of the scales attenuates them slightly.</summary>
public sealed record PlantedEffects
{
    /// <summary>Offering an additional product: customers like it less.</summary>
    public double UpsellCsat { get; init; } = -0.6;
    public double UpsellNps { get; init; } = -1.5;
    /// <summary>Seconds an upsell adds to a call; chat adds half, email a quarter.</summary>
    public double UpsellCallSeconds { get; init; } = 240;
    /// <summary>Acknowledging the customer's situation.</summary>
    public double EmpathyCsat { get; init; } = 0.5;
    public double EmpathyNps { get; init; } = 1.0;
    /// <summary>Summarising the next steps raises the chance of first-contact resolution by this much.</summary>
    public double SummaryFcr { get; init; } = 0.08;
    /// <summary>Change in FCR probability per minute of an agent's handle-time style above the channel norm
    /// (a fast agent, 1 minute below the norm, resolves 5 points less often).</summary>
    public double FcrPerStyleMinute { get; init; } = 0.05;
    /// <summary>Resolved contacts are rated this much higher (CSAT) than unresolved ones.</summary>
    public double ResolvedCsat { get; init; } = 0.6;
    public double ResolvedNps { get; init; } = 1.5;
    /// <summary>Checking whether anything else is needed, on chat only (it reads as a script there): an item whose
    /// effect differs by channel. Zero unless set; with it set, remove "anything-else" from <see cref="ZeroEffectItems"/>.</summary>
    public double AnythingElseChatCsat { get; init; }
    /// <summary>The same effects with the chat-only item planted: "anything-else" changes CSAT by <paramref name="csat"/>
    /// on chat and nowhere else (and leaves the zero-effect items).</summary>
    public PlantedEffects WithChatOnlyItem(double csat = -0.8) =>
        this with { AnythingElseChatCsat = csat, ZeroEffectItems = ZeroEffectItems.Where(i => i != "anything-else").ToList() };

    /// <summary>Items with no effect on any outcome, to measure false alarms.</summary>
    public IReadOnlyList<string> ZeroEffectItems { get; init; } =
        ["greet", "verify-identity", "explore-needs", "listen", "tone", "anything-else", "documentation"];
}

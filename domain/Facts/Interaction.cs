namespace QmInsights.Domain.Facts;

/// <summary>One contact as the ACD/CCaaS platform reports it. Its <see cref="TeamId"/> decides the team every
/// evaluation and survey of the contact counts for, so history stays where it happened. Durations are seconds kept
/// to the millisecond; an abandoned contact has no agent and no team and counts only in its queue's figures.</summary>
[GenerateSerializer, Alias("qm.Interaction")]
public sealed record Interaction(
    string InteractionId,
    Channel Channel,
    string? AgentId,
    string? TeamId,
    string Queue,
    DateTimeOffset StartedAt,
    double HandleSeconds,
    double? AfterCallWorkSeconds,
    double? WaitSeconds,
    bool? ResolvedFirstContact,
    ContactOutcome Outcome = ContactOutcome.Handled)
{
    /// <summary>True when an agent took the contact, so it counts for that agent and team.</summary>
    public bool IsHandled => Outcome == ContactOutcome.Handled;

    /// <summary>The outcome with <paramref name="shortAbandonSeconds"/> applied: an abandoned contact that waited
    /// less than that is a short abandon, whatever the export called it.</summary>
    public ContactOutcome OutcomeWith(double shortAbandonSeconds) =>
        Outcome == ContactOutcome.Abandoned && WaitSeconds is { } wait && wait < shortAbandonSeconds
            ? ContactOutcome.ShortAbandoned
            : Outcome;
}

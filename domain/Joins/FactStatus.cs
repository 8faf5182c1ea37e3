namespace QmInsights.Domain.Joins;

/// <summary>What happened to one submitted fact.</summary>
[GenerateSerializer, Alias("qm.FactStatus")]
public enum FactStatus
{
    /// <summary>New, and counted.</summary>
    Accepted = 0,
    /// <summary>Already accepted with the same content: acknowledged, not counted twice.</summary>
    Duplicate = 1,
    /// <summary>A higher revision of an accepted evaluation: it replaced the earlier one everywhere.</summary>
    Revised = 2,
    /// <summary>A lower revision than the one already accepted: acknowledged, but the newer one stays.</summary>
    Superseded = 3,
    /// <summary>A different record under an id that was already accepted: rejected.</summary>
    Conflict = 4,
}

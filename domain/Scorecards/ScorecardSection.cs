using System.Collections.Immutable;

namespace QmInsights.Domain.Scorecards;

/// <summary>A phase or area of the contact, weighted in the total score.</summary>
[GenerateSerializer, Alias("qm.ScorecardSection")]
public sealed record ScorecardSection(
    string Id,
    string Name,
    double Weight,
    ImmutableArray<ScorecardItem> Items)
{
    public bool Equals(ScorecardSection? other) =>
        other is not null && Id == other.Id && Name == other.Name && Weight.Equals(other.Weight)
        && Items.AsSpan().SequenceEqual(other.Items.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Id, Name, Weight, Items.Length);
}

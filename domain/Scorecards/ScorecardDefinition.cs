using System.Collections.Immutable;

namespace QmInsights.Domain.Scorecards;

/// <summary>The content of a scorecard (monitoring form). A change of content makes a new version.</summary>
[GenerateSerializer, Alias("qm.ScorecardDefinition")]
public sealed record ScorecardDefinition(
    string Name,
    double TargetPercent,
    ImmutableArray<ScorecardSection> Sections)
{
    /// <summary>Every item with the section it belongs to, in form order.</summary>
    public IEnumerable<(ScorecardSection Section, ScorecardItem Item)> AllItems() =>
        Sections.SelectMany(s => s.Items.Select(i => (s, i)));

    public ScorecardItem? FindItem(string itemId) =>
        AllItems().Select(p => p.Item).FirstOrDefault(i => i.Id == itemId);

    public bool Equals(ScorecardDefinition? other) =>
        other is not null && Name == other.Name && TargetPercent.Equals(other.TargetPercent)
        && Sections.AsSpan().SequenceEqual(other.Sections.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Name, TargetPercent, Sections.Length);
}

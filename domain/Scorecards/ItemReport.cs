using QmInsights.Domain.Aggregates;

namespace QmInsights.Domain.Scorecards;

/// <summary>Per item and version answer counts over a range, the items that fail most first.</summary>
public static class ItemReport
{
    public static IReadOnlyList<ItemFigures> Build(TallyMap<ItemBucket, ItemTally> tallies,
        IReadOnlyList<ScorecardVersion> versions, DateOnly? from, DateOnly? to)
    {
        var sums = new Dictionary<(int Version, string ItemId), ItemTally>();
        foreach (var (bucket, tally) in tallies.Buckets)
        {
            if (from is { } f && bucket.Day < f || to is { } t && bucket.Day > t) continue;
            var key = (bucket.Version, bucket.ItemId);
            if (!sums.TryGetValue(key, out var sum)) sums[key] = sum = new ItemTally();
            sum.Add(tally, 1);
        }

        return sums
            .Select(p =>
            {
                var definition = versions.FirstOrDefault(v => v.Version == p.Key.Version)?.Definition;
                var placed = definition?.AllItems().FirstOrDefault(x => x.Item.Id == p.Key.ItemId);
                var t = p.Value;
                var decided = t.Yes + t.No;
                return new ItemFigures(p.Key.ItemId, p.Key.Version, placed?.Section.Id, placed?.Item.Text,
                    placed?.Item.Critical ?? false, t.Yes + t.No + t.NotApplicable, t.Yes, t.No, t.NotApplicable,
                    decided > 0 ? (double)t.Yes / decided : null);
            })
            .OrderBy(i => i.PassRate ?? double.MaxValue)
            .ThenByDescending(i => i.Failed)
            .ThenBy(i => i.ItemId, StringComparer.Ordinal)
            .ThenBy(i => i.Version)
            .ToList();
    }
}

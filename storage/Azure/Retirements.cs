using System.Globalization;
using Azure;
using QmInsights.Domain.Aggregates;

namespace QmInsights.Storage.Azure;

/// <summary>Every retirement record of the fact log (<c>retirements/{shard}/{id}</c>), read together: few and small
/// once their commits are rewritten (then they hold tallies only). Gives each aggregate's retired tallies and each
/// shard's facts still to leave out (by batch, while a retirement rewrites its commits).</summary>
internal sealed class Retirements(IReadOnlyDictionary<string, (ETag ETag, RetirementRecord Record)> records)
{
    /// <summary>Before the first read: no records.</summary>
    public static readonly Retirements None = new(new Dictionary<string, (ETag, RetirementRecord)>());

    private readonly Dictionary<(RetiredTally.Target, string), List<RetiredTally>> _tallies = Index(records.Values.Select(r => r.Record));

    /// <summary>Every record by blob name, with the version read (so a later read downloads only what changed).</summary>
    public IReadOnlyDictionary<string, (ETag ETag, RetirementRecord Record)> Records => records;

    /// <summary>The interactions whose facts in each batch of <paramref name="shard"/> are retired.</summary>
    public Dictionary<long, HashSet<string>> RemovedFrom(int shard)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{FactLog.RetirementPrefix}{shard:D2}/");
        var removed = new Dictionary<long, HashSet<string>>();
        foreach (var (name, (_, record)) in records)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            foreach (var (blob, ids) in record.Removals)
            {
                var batch = FactLog.BatchOf(blob);
                if (!removed.TryGetValue(batch, out var set)) removed[batch] = set = new HashSet<string>(StringComparer.Ordinal);
                set.UnionWith(ids);
            }
        }
        return removed;
    }

    /// <summary>What the retired facts still add to one aggregate.</summary>
    public AggregateChanges Of(RetiredTally.Target kind, string id)
    {
        var changes = new AggregateChanges();
        foreach (var tally in _tallies.GetValueOrDefault((kind, id)) ?? []) tally.AddTo(changes);
        return changes;
    }

    /// <summary>The aggregates of one kind that retired tallies are kept for.</summary>
    public IEnumerable<string> Targets(RetiredTally.Target kind) => _tallies.Keys.Where(k => k.Item1 == kind).Select(k => k.Item2);

    /// <summary>The records holding a tally that <paramref name="matches"/>.</summary>
    public List<string> Holding(Func<RetiredTally, bool> matches) =>
        records.Where(r => r.Value.Record.Tallies.Any(matches)).Select(r => r.Key).ToList();

    private static Dictionary<(RetiredTally.Target, string), List<RetiredTally>> Index(IEnumerable<RetirementRecord> all)
    {
        var index = new Dictionary<(RetiredTally.Target, string), List<RetiredTally>>();
        foreach (var tally in all.SelectMany(r => r.Tallies))
        {
            if (!index.TryGetValue((tally.Kind, tally.TargetId), out var list)) index[(tally.Kind, tally.TargetId)] = list = new List<RetiredTally>();
            list.Add(tally);
        }
        return index;
    }
}

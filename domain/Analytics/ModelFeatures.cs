using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Analytics;

/// <summary>The feature vector of the driver models: the item answers first (yes 1, no 0, not applicable or missing
/// -1, so trees can split them apart), then the regression's controls: channel, queue, team and evaluator one-hot,
/// the week number, new hire, log tenure, and the agent's leave-one-out mean QA score (their skill, as in the CSAT and
/// NPS regressions). Agent fixed effects cannot carry over to agents the model never saw, and a leave-one-out mean of
/// the outcome itself would leak each training contact's own label. Handle time is never a feature: it lies on the
/// path from what the agent did to the outcome.</summary>
public sealed class ModelFeatures
{
    private readonly IReadOnlyList<string> _items;
    private readonly DesignContext _context;
    private readonly List<(string Name, Func<EvaluatedContact, string> Level, Dictionary<string, int> Index)> _factors = new();
    private readonly DateTimeOffset _first;

    /// <summary>Features whose categories are those of <paramref name="rows"/>.</summary>
    public ModelFeatures(IReadOnlyList<EvaluatedContact> rows, IReadOnlyList<string> items, DesignContext context)
    {
        _items = items;
        _context = context;
        Factor("channel", r => r.Channel.ToString(), rows);
        Factor("queue", r => $"{r.Channel}/{r.Queue}", rows);
        Factor("team", r => r.TeamId, rows);
        Factor("evaluator", r => r.EvaluatorId, rows);
        _first = rows.Count > 0 ? rows.Min(r => r.StartedAt) : default;
        Count = items.Count + _factors.Sum(f => f.Index.Count) + 4;
    }

    /// <summary>Item features come first: feature j &lt; <see cref="Items"/> is item j.</summary>
    public int Items => _items.Count;

    /// <summary>Length of the vector.</summary>
    public int Count { get; }

    public float[] Encode(EvaluatedContact row)
    {
        var values = new float[Count];
        for (var j = 0; j < _items.Count; j++)
            values[j] = DriverAnalysis.Answer(row, _items[j]) switch { ItemAnswer.Yes => 1, ItemAnswer.No => 0, _ => -1 };
        var at = _items.Count;
        foreach (var (_, level, index) in _factors)
        {
            if (index.TryGetValue(level(row), out var i)) values[at + i] = 1;
            at += index.Count;
        }
        var tenure = _context.TenureDays(row);
        values[at++] = (float)Math.Floor((row.StartedAt - _first).TotalDays / 7);
        values[at++] = tenure < 30 ? 1 : 0;
        values[at++] = (float)Math.Log(1 + tenure);
        values[at] = (float)_context.AgentQaOthers(row);
        return values;
    }

    private void Factor(string name, Func<EvaluatedContact, string> level, IReadOnlyList<EvaluatedContact> rows) =>
        _factors.Add((name, level, rows.Select(level).Distinct().Order(StringComparer.Ordinal).Select((l, i) => (l, i))
            .ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal)));
}

using QmInsights.Domain.Periods;

namespace QmInsights.Domain.Analytics;

/// <summary>What every design of one run shares: hire dates, each agent's QA totals over all their evaluations (for
/// the leave-one-out skill control), the inference sample's weights and the survey response weights.</summary>
public sealed class DesignContext(IReadOnlyDictionary<string, DateTimeOffset> hiredAt, IReadOnlyList<EvaluatedContact> allContacts,
    InferenceSample sample, SurveyResponse? response = null)
{
    private readonly Dictionary<string, (double Sum, int Count)> _qa = allContacts.Where(c => c.QaScore is not null)
        .GroupBy(c => c.AgentId).ToDictionary(g => g.Key, g => (g.Sum(c => c.QaScore!.Value), g.Count()));
    private readonly double _centreQa = allContacts.Where(c => c.QaScore is not null).Select(c => c.QaScore!.Value).DefaultIfEmpty(0).Average();

    public IReadOnlyDictionary<string, DateTimeOffset> HiredAt => hiredAt;
    public InferenceSample Sample => sample;

    /// <summary>A row's weight in a model of <paramref name="outcome"/>: its sampling weight, times its response weight
    /// when the outcome comes from the survey.</summary>
    public double Weight(EvaluatedContact row, Outcome outcome) =>
        sample.Weight(row) * (response is not null && outcome.FromSurvey() ? response.Weight(row) : 1);

    /// <summary>Days from the agent's hire to the contact; a year when the roster does not know the agent.</summary>
    public double TenureDays(EvaluatedContact row) =>
        hiredAt.TryGetValue(row.AgentId, out var hired) ? Math.Max(0, (row.StartedAt - hired).TotalDays) : 365;

    /// <summary>The contact's ISO week (Monday) in the centre's calendar, the week control's level.</summary>
    public static string Week(EvaluatedContact row) =>
        TrendPeriod.Week.StartOf(DateOnly.FromDateTime(row.StartedAt.UtcDateTime)).ToString("yyyy-MM-dd");

    /// <summary>The agent's mean QA score over their other evaluations (the row itself left out, so the control
    /// cannot carry the row's own answers); the centre's mean for an agent with no other evaluation.</summary>
    public double AgentQaOthers(EvaluatedContact row)
    {
        if (!_qa.TryGetValue(row.AgentId, out var t)) return _centreQa;
        var (sum, count) = row.QaScore is { } own ? (t.Sum - own, t.Count - 1) : t;
        return count > 0 ? sum / count : _centreQa;
    }
}

/// <summary>A regression design over contacts: the drivers being tested plus the controls every model shares
/// (channel, queue, team, new hire, log tenure, evaluator and week), so that drivers are compared like for like.
/// Agent skill is held fixed by the agent's leave-one-out mean QA score, by the agent's own mean of every driver
/// (Mundlak 1978: each driver's coefficient is then its within-agent effect) or, where each agent has enough rows
/// (handle time, FCR), by agent fixed effects. Errors are clustered by agent.</summary>
public sealed class Design
{
    private readonly IReadOnlyList<EvaluatedContact> _rows;
    private readonly DesignContext _context;
    private readonly bool _agentEffects;
    private readonly bool _agentMeans;
    private readonly List<(string Name, Func<EvaluatedContact, double> Value)> _drivers = new();
    private readonly List<(string Name, Func<EvaluatedContact, double> Value)> _controls = new();
    // Categorical controls: each row's level is read once and its dummy set, whatever the number of levels.
    private readonly List<(string Name, Func<EvaluatedContact, string> Level, List<string> Levels)> _factors = new();

    /// <param name="agentMeans">Without agent fixed effects: control each driver by the agent's weighted mean of it over
    /// the design's rows instead of by the agent's QA score. The QA score is made of the items themselves (an agent who
    /// upsells a lot scores higher whatever their skill), so as a control for an item it biases that item's effect;
    /// the agent's mean of the item does not, and leaves the within-agent comparison (Mundlak 1978, "On the pooling of
    /// time series and cross section data", Econometrica 46(1), 69-85).</param>
    public Design(IReadOnlyList<EvaluatedContact> rows, DesignContext context, bool agentEffects = false, bool agentMeans = false)
    {
        _rows = rows;
        _context = context;
        _agentEffects = agentEffects;
        _agentMeans = agentMeans && !agentEffects;
        Dummies("channel", r => r.Channel.ToString());
        Dummies("queue", r => $"{r.Channel}/{r.Queue}");
        Dummies("team", r => r.TeamId);
        Dummies("evaluator", r => r.EvaluatorId);
        Dummies("week", DesignContext.Week);
        _controls.Add(("newHire", r => context.TenureDays(r) < 30 ? 1 : 0));
        _controls.Add(("logTenureDays", r => Math.Log(1 + context.TenureDays(r))));
        // Skilled agents both follow the form more and please customers more; without a skill control every item
        // would look like it raised CSAT. Agent fixed effects hold skill fixed themselves.
        if (!agentEffects && !_agentMeans) _controls.Add(("agentQaOthers", context.AgentQaOthers));
    }

    private void Dummies(string name, Func<EvaluatedContact, string> level) =>
        _factors.Add((name, level, _rows.Select(level).Distinct().Order(StringComparer.Ordinal).Skip(1).ToList()));

    public void Add(string name, Func<EvaluatedContact, double> value) => _drivers.Add((name, value));

    public LinearModel Fit(Outcome outcome)
    {
        var columns = _drivers.Concat(_controls).ToList();
        var dummyStart = new List<(int Start, Dictionary<string, int> Index)>();
        var width = columns.Count;
        foreach (var (_, _, levels) in _factors)
        {
            dummyStart.Add((width, levels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal)));
            width += levels.Count;
        }
        var x = _rows.Select(r =>
        {
            var row = new double[width];
            for (var c = 0; c < columns.Count; c++) row[c] = columns[c].Value(r);
            // One dummy per level after the first: the first level is the baseline (no index).
            for (var f = 0; f < _factors.Count; f++)
                if (dummyStart[f].Index.TryGetValue(_factors[f].Level(r), out var i)) row[dummyStart[f].Start + i] = 1;
            return row;
        }).ToList();
        var y = _rows.Select(r => outcome.Of(r)!.Value).ToList();
        var weights = _rows.Select(r => _context.Weight(r, outcome)).ToList();
        var agents = _rows.Select(r => r.AgentId).ToList();
        var names = columns.Select(c => c.Name).Concat(_factors.SelectMany(f => f.Levels.Select(l => $"{f.Name}={l}"))).ToList();
        if (_agentMeans)
        {
            // Each driver's agent mean, appended after the other columns.
            var means = Enumerable.Range(0, _rows.Count).GroupBy(i => agents[i]).ToDictionary(g => g.Key, g =>
            {
                var total = g.Sum(i => weights[i]);
                return Enumerable.Range(0, _drivers.Count).Select(c => g.Sum(i => weights[i] * x[i][c]) / total).ToArray();
            });
            x = x.Select((row, i) => row.Concat(means[agents[i]]).ToArray()).ToList();
            names.AddRange(_drivers.Select(d => $"{d.Name}|agent mean"));
        }
        if (!_agentEffects) return LinearModel.Fit(x, y, names, weights, agents);

        // Within-agent: agent fixed effects swept out rather than estimated.
        return LinearModel.Fit(x, y, names, weights, agents, WithinTransform.Sweep(x, y, weights, agents));
    }
}

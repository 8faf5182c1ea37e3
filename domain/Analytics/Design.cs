using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Analytics;

/// <summary>A regression design over contacts: the drivers being tested plus the controls every model shares
/// (channel, queue, team, new hire, log tenure, the agent's overall QA level), so that drivers are compared like for like.</summary>
public sealed class Design
{
    private readonly IReadOnlyList<EvaluatedContact> _rows;
    private readonly List<(string Name, Func<EvaluatedContact, double> Value)> _drivers = new();
    private readonly List<(string Name, Func<EvaluatedContact, double> Value)> _controls = new();

    public Design(IReadOnlyList<EvaluatedContact> rows, IReadOnlyDictionary<string, DateTimeOffset> hiredAt,
        IReadOnlyDictionary<string, double> agentQuality)
    {
        _rows = rows;
        // One dummy per level after the first: the first level is the baseline.
        foreach (var channel in rows.Select(r => r.Channel).Distinct().Order().Skip(1))
            _controls.Add(($"channel={channel}", r => r.Channel == channel ? 1 : 0));
        foreach (var queue in rows.Select(r => $"{r.Channel}/{r.Queue}").Distinct().Order(StringComparer.Ordinal).Skip(1))
            _controls.Add(($"queue={queue}", r => $"{r.Channel}/{r.Queue}" == queue ? 1 : 0));
        foreach (var team in rows.Select(r => r.TeamId).Distinct().Order(StringComparer.Ordinal).Skip(1))
            _controls.Add(($"team={team}", r => r.TeamId == team ? 1 : 0));
        double TenureDays(EvaluatedContact r) =>
            hiredAt.TryGetValue(r.AgentId, out var hired) ? Math.Max(0, (r.StartedAt - hired).TotalDays) : 365;
        _controls.Add(("newHire", r => TenureDays(r) < 30 ? 1 : 0));
        _controls.Add(("logTenureDays", r => Math.Log(1 + TenureDays(r))));
        // Skilled agents both follow the form more and please customers more; without this, every item would look
        // like it raised CSAT. The agent's mean QA score over the whole run stands in for that skill.
        _controls.Add(("agentQa", r => agentQuality.GetValueOrDefault(r.AgentId)));
    }

    public void Add(string name, Func<EvaluatedContact, double> value) => _drivers.Add((name, value));

    public LinearModel Fit(Outcome outcome)
    {
        var columns = _drivers.Concat(_controls).ToList();
        var x = _rows.Select(r => columns.Select(c => c.Value(r)).ToArray()).ToList();
        var y = _rows.Select(r => outcome.Of(r)!.Value).ToList();
        return LinearModel.Fit(x, y, columns.Select(c => c.Name).ToList());
    }
}

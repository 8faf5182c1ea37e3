using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Scorecards;

/// <summary>All versions of one scorecard, oldest first; decides which version scores an evaluation.</summary>
public sealed class ScorecardHistory
{
    private readonly List<ScorecardVersion> _versions;

    // Each version's item ids with a number each, made the first time an evaluation of that version is checked.
    private readonly Dictionary<int, Dictionary<string, int>> _itemsOf = new();

    public ScorecardHistory(IEnumerable<ScorecardVersion> versions)
    {
        _versions = versions.OrderBy(v => v.Version).ToList();
    }

    public IReadOnlyList<ScorecardVersion> Versions => _versions;

    public ScorecardVersion? Latest => _versions.Count == 0 ? null : _versions[^1];

    /// <summary>The version an evaluation is scored with: the one it names, else the one in force at
    /// <paramref name="evaluatedAt"/>. Evaluations older than the first version (a historical import) use the first.</summary>
    /// <returns>The version, or an error a person can act on.</returns>
    public (ScorecardVersion? Version, string? Error) Resolve(string scorecardId, int? named, DateTimeOffset evaluatedAt)
    {
        if (_versions.Count == 0)
            return (null, $"scorecardId: scorecard '{scorecardId}' is not defined; PUT /api/scorecards/{scorecardId} first");
        if (named is { } n)
        {
            var match = _versions.FirstOrDefault(v => v.Version == n);
            return match is null
                ? (null, $"scorecardVersion: scorecard '{scorecardId}' has no version {n} (versions 1-{_versions[^1].Version})")
                : (match, null);
        }
        var inForce = _versions.LastOrDefault(v => v.ValidFrom <= evaluatedAt) ?? _versions[0];
        return (inForce, null);
    }

    /// <summary>What <see cref="CheckAnswers"/> says, with the version's items gathered once for the whole history rather
    /// than once per evaluation (an ingested chunk checks thousands of evaluations against a few versions).</summary>
    public string? Check(ScorecardVersion version, IReadOnlyList<ItemResponse> answers)
    {
        if (!_itemsOf.TryGetValue(version.Version, out var items))
        {
            items = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (_, item) in version.Definition.AllItems()) items.TryAdd(item.Id, items.Count);
            _itemsOf[version.Version] = items;
        }
        // Complete and nothing else: every answer names an item, and the distinct items named are all of them.
        Span<bool> answered = items.Count <= 256 ? stackalloc bool[items.Count] : new bool[items.Count];
        var distinct = 0;
        foreach (var answer in answers)
        {
            if (!items.TryGetValue(answer.ItemId, out var number)) return CheckAnswers(version, answers);
            if (answered[number]) continue;
            answered[number] = true;
            distinct++;
        }
        return distinct == items.Count ? null : CheckAnswers(version, answers);
    }

    /// <summary>An evaluation must answer every item of its version and nothing else: an omitted item would
    /// silently dodge its N/A policy, an unknown one means the wrong form was used.</summary>
    public static string? CheckAnswers(ScorecardVersion version, IReadOnlyList<ItemResponse> answers)
    {
        var known = version.Definition.AllItems().Select(p => p.Item.Id).ToHashSet(StringComparer.Ordinal);
        var given = answers.Select(a => a.ItemId).ToHashSet(StringComparer.Ordinal);
        var unknown = given.Where(id => !known.Contains(id)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            return $"answers: item(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))} are not on scorecard '{version.ScorecardId}' version {version.Version}";
        var missing = known.Where(id => !given.Contains(id)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            return $"answers: item(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} of scorecard '{version.ScorecardId}' version {version.Version} have no answer (use \"na\" for not applicable)";
        return null;
    }
}

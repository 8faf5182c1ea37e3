using System.Collections.Immutable;
using System.Text.Json;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;

namespace QmInsights.Domain.Ingestion;

/// <summary>Reads the body of <c>PUT /api/scorecards/{id}</c>. Besides the contract's fields it takes an optional
/// <c>validFrom</c> (when the version comes into force; default: now), which historical imports need.</summary>
public static class ScorecardBody
{
    private static readonly Dictionary<string, NaPolicy> Policies = new()
    {
        ["exclude"] = NaPolicy.Exclude, ["fail"] = NaPolicy.Fail, ["pass"] = NaPolicy.Pass,
    };

    /// <summary>The definition, or every problem found, each naming its field (e.g. <c>sections[0].items[2].points</c>).</summary>
    public static (ScorecardDefinition? Definition, DateTimeOffset? ValidFrom, IReadOnlyList<string> Problems) Read(JsonElement root)
    {
        var p = new List<string>();
        if (root.ValueKind != JsonValueKind.Object) return (null, null, ["body: must be a JSON object"]);
        var s = new JsonFieldSource(root);
        var name = FieldRules.Text(s, "name", 200, p);
        if (!s.Has("name")) p.Add("name: is missing");
        var target = s.Number("targetPercent", p);
        if (!s.Has("targetPercent")) p.Add("targetPercent: is missing");
        var validFrom = FieldRules.Time(s, "validFrom", p, required: false);
        var sections = ImmutableArray.CreateBuilder<ScorecardSection>();
        if (!root.TryGetProperty("sections", out var sectionsJson) || sectionsJson.ValueKind != JsonValueKind.Array)
            p.Add("sections: must be an array of sections");
        else
        {
            var si = 0;
            foreach (var sectionJson in sectionsJson.EnumerateArray())
                sections.Add(Section(sectionJson, $"sections[{si++}]", p));
        }
        if (p.Count > 0) return (null, null, p);
        var definition = new ScorecardDefinition(name!, target!.Value, sections.ToImmutable());
        var problems = ScorecardRules.Problems(definition);
        return problems.Count > 0 ? (null, null, problems) : (definition, validFrom, []);
    }

    private static ScorecardSection Section(JsonElement json, string at, List<string> p)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            p.Add($"{at}: must be an object");
            return new ScorecardSection("", "", 0, []);
        }
        var local = new List<string>();
        var s = new JsonFieldSource(json);
        var items = ImmutableArray.CreateBuilder<ScorecardItem>();
        if (!json.TryGetProperty("items", out var itemsJson) || itemsJson.ValueKind != JsonValueKind.Array)
            local.Add("items: must be an array of items");
        else
        {
            var ii = 0;
            foreach (var itemJson in itemsJson.EnumerateArray())
                items.Add(Item(itemJson, $"{at}.items[{ii++}]", p));
        }
        var section = new ScorecardSection(
            s.String("id", local) ?? "",
            FieldRules.Text(s, "name", 200, local) ?? s.String("id", []) ?? "",
            s.Number("weight", local) ?? 1.0,
            items.ToImmutable());
        p.AddRange(local.Select(problem => $"{at}.{problem}"));
        return section;
    }

    private static ScorecardItem Item(JsonElement json, string at, List<string> p)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            p.Add($"{at}: must be an object");
            return new ScorecardItem("", "", null, 0, false, false, NaPolicy.Exclude);
        }
        var local = new List<string>();
        var s = new JsonFieldSource(json);
        var essential = s.Boolean("essential", local) ?? false;
        var points = s.Number("points", local);
        if (points is null && !essential && !s.Has("points")) local.Add("points: is missing");
        var item = new ScorecardItem(
            s.String("id", local) ?? "",
            FieldRules.Text(s, "text", 2000, local) ?? "",
            FieldRules.Text(s, "why", 2000, local, multiline: true),
            points ?? 4.0,
            essential,
            s.Boolean("critical", local) ?? false,
            FieldRules.Choice(s, "naPolicy", Policies, local, required: false) ?? NaPolicy.Exclude);
        p.AddRange(local.Select(problem => $"{at}.{problem}"));
        return item;
    }
}

using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Scorecards;

/// <summary>Checks a scorecard definition before it becomes a version.</summary>
public static class ScorecardRules
{
    /// <summary>Every problem with <paramref name="definition"/>, each naming the field; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(ScorecardDefinition definition)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(definition.Name)) problems.Add("name: must not be empty");
        if (definition.TargetPercent is < 0 or > 100 || double.IsNaN(definition.TargetPercent))
            problems.Add($"targetPercent: {definition.TargetPercent} is outside 0-100");
        if (definition.Sections.IsDefaultOrEmpty) problems.Add("sections: a scorecard needs at least one section");
        var itemIds = new HashSet<string>(StringComparer.Ordinal);
        var sectionIds = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < (definition.Sections.IsDefault ? 0 : definition.Sections.Length); s++)
        {
            var section = definition.Sections[s];
            var at = $"sections[{s}]";
            if (!Ids.IsValid(section.Id)) problems.Add($"{at}.id: {Ids.Describe(section.Id)}");
            else if (!sectionIds.Add(section.Id)) problems.Add($"{at}.id: '{section.Id}' is used by another section");
            if (section.Weight < 0 || double.IsNaN(section.Weight) || double.IsInfinity(section.Weight))
                problems.Add($"{at}.weight: {section.Weight} must be a finite number >= 0");
            if (section.Items.IsDefaultOrEmpty) problems.Add($"{at}.items: a section needs at least one item");
            for (var i = 0; i < (section.Items.IsDefault ? 0 : section.Items.Length); i++)
            {
                var item = section.Items[i];
                var itemAt = $"{at}.items[{i}]";
                if (!Ids.IsValid(item.Id)) problems.Add($"{itemAt}.id: {Ids.Describe(item.Id)}");
                else if (!itemIds.Add(item.Id)) problems.Add($"{itemAt}.id: '{item.Id}' is used by another item");
                if (string.IsNullOrWhiteSpace(item.Text)) problems.Add($"{itemAt}.text: must not be empty");
                if (item.Points < 0 || double.IsNaN(item.Points) || double.IsInfinity(item.Points))
                    problems.Add($"{itemAt}.points: {item.Points} must be a finite number >= 0");
            }
        }
        return problems;
    }
}

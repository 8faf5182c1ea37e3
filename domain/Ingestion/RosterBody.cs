using System.Text.Json;
using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Ingestion;

/// <summary>Reads the body of <c>PUT /api/agents/{agentId}</c>: <c>{ "teamId", "hiredAt", "displayName"? }</c>.</summary>
public static class RosterBody
{
    public static (AgentRosterEntry? Entry, IReadOnlyList<string> Problems) Read(string agentId, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return (null, ["body: must be a JSON object"]);
        var p = new List<string>();
        var s = new JsonFieldSource(root);
        if (!Ids.IsValid(agentId)) p.Add($"agentId: {Ids.Describe(agentId)}");
        var team = FieldRules.Id(s, "teamId", p);
        var hired = FieldRules.Time(s, "hiredAt", p);
        var name = FieldRules.Text(s, "displayName", 200, p);
        return p.Count > 0 ? (null, p) : (new AgentRosterEntry(agentId, team!, hired!.Value, name), []);
    }
}

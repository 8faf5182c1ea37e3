using System.Collections.Immutable;
using System.Text.Json;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Ingestion;

namespace QmInsights.Domain.Access;

/// <summary>The body of <c>POST /api/auth/tokens</c>: <c>{ role, name, agentId?, teamIds? }</c>. An agent token
/// names its agent; a team lead token names at least one team; other roles carry neither (a scope they would
/// not use is a mistake worth reporting).</summary>
public sealed record TokenRequest(Role Role, string Name, string? AgentId, ImmutableArray<string> TeamIds)
{
    public static (TokenRequest? Request, IReadOnlyList<string> Problems) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return (null, ["body: must be a JSON object"]);
        var p = new List<string>();
        var s = new JsonFieldSource(root);
        var role = FieldRules.Choice(s, "role", Roles.ByName, p);
        var name = FieldRules.Text(s, "name", 200, p);
        if (!s.Has("name")) p.Add("name: is missing");
        else if (name is not null && string.IsNullOrWhiteSpace(name)) p.Add("name: must not be empty");
        var agentId = s.Has("agentId") ? FieldRules.Id(s, "agentId", p) : null;
        var teams = ReadTeamIds(root, p);
        if (role == Role.Agent && agentId is null && !s.Has("agentId")) p.Add("agentId: an agent token must name its agent");
        if (role is not null and not Role.Agent && agentId is not null) p.Add($"agentId: only an agent token names an agent, not a {Roles.Name(role.Value)} token");
        if (role == Role.TeamLead && teams is { Length: 0 }) p.Add("teamIds: a team lead token must name at least one team");
        if (role is not null and not Role.TeamLead && teams is { Length: > 0 }) p.Add($"teamIds: only a team lead token names teams, not a {Roles.Name(role.Value)} token");
        return p.Count > 0 ? (null, p) : (new TokenRequest(role!.Value, name!, agentId, teams ?? []), []);
    }

    private static ImmutableArray<string>? ReadTeamIds(JsonElement root, List<string> p)
    {
        if (!root.TryGetProperty("teamIds", out var array) || array.ValueKind == JsonValueKind.Null) return [];
        if (array.ValueKind != JsonValueKind.Array)
        {
            p.Add("teamIds: must be an array of team ids");
            return null;
        }
        var ids = array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null).ToList();
        if (ids.FirstOrDefault(id => !Ids.IsValid(id)) is var bad && ids.Any(id => !Ids.IsValid(id)))
        {
            p.Add($"teamIds: every entry must be a team id: {Ids.Describe(bad)}");
            return null;
        }
        return ids.OfType<string>().Distinct(StringComparer.Ordinal).ToImmutableArray();
    }
}

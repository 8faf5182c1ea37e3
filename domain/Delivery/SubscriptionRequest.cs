using System.Net.Mail;
using System.Text.Json;
using QmInsights.Domain.Access;
using QmInsights.Domain.Ingestion;

namespace QmInsights.Domain.Delivery;

/// <summary>The body of <c>PUT /api/reports/subscriptions/{id}</c>: <c>{ email, scope, role }</c>. Only roles that may read a
/// pack subscribe (not agents, not integrations), and a team lead only to a team's pack, as the pack endpoint rules.</summary>
public sealed record SubscriptionRequest(string Email, string? TeamId, Role Role)
{
    /// <summary>The longest address SMTP carries (RFC 5321's path limit less its angle brackets).</summary>
    public const int MaxEmailLength = 254;

    private static readonly string[] Fields = ["email", "scope", "role"];

    /// <summary>Roles a pack is made for: the others are refused a pack by <see cref="AccessRules.PackDenial"/>.</summary>
    public static readonly IReadOnlyDictionary<string, Role> Receivers = new[] { Role.Admin, Role.QaManager, Role.TeamLead, Role.Executive }
        .ToDictionary(Roles.Name, r => r, StringComparer.OrdinalIgnoreCase);

    public static (SubscriptionRequest? Request, IReadOnlyList<string> Problems) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return (null, ["body: must be a JSON object with email, scope and role"]);
        var p = new List<string>();
        foreach (var property in root.EnumerateObject().Where(f => !Fields.Contains(f.Name)))
            p.Add($"{property.Name}: is not a field of a subscription (email, scope, role)");
        var s = new JsonFieldSource(root);
        var email = ReadEmail(s, p);
        var scope = FieldRules.Id(s, "scope", p);
        var role = ReadRole(s, p);
        var teamId = scope == PackSubscription.CentreScope ? null : scope;
        if (role == Role.TeamLead && scope is not null && teamId is null)
            p.Add("scope: a team lead receives one team's pack; name the team id instead of 'centre'");
        return p.Count > 0 ? (null, p) : (new SubscriptionRequest(email!, teamId, role!.Value), []);
    }

    private static string? ReadEmail(JsonFieldSource s, List<string> p)
    {
        if (!s.Has("email"))
        {
            p.Add("email: is missing");
            return null;
        }
        var text = FieldRules.Text(s, "email", MaxEmailLength, p);
        if (text is null) return null;
        // One bare address: no display name, no list, nothing MailAddress would quietly drop or rewrite.
        if (MailAddress.TryCreate(text, out var address) && address.Address == text && address.DisplayName.Length == 0 && address.Host.Length > 0)
            return text;
        p.Add($"email: '{text}' is not one e-mail address (e.g. ann@example.com)");
        return null;
    }

    private static Role? ReadRole(JsonFieldSource s, List<string> p)
    {
        if (s.Has("role") && s.String("role", []) is { } text && Roles.ByName.TryGetValue(text, out var known) && !Receivers.ContainsKey(text))
        {
            p.Add($"role: {Roles.Name(known)} does not receive packs; one of {string.Join(", ", Receivers.Keys)}");
            return null;
        }
        return FieldRules.Choice(s, "role", Receivers, p);
    }
}

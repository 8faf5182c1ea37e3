using System.Text.Json;
using QmInsights.Domain.Access;
using QmInsights.Domain.Delivery;

namespace QmInsights.Tests.Delivery;

public sealed class SubscriptionRequestTests
{
    private static (SubscriptionRequest? Request, IReadOnlyList<string> Problems) Read(string json) =>
        SubscriptionRequest.Read(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void A_centre_or_team_subscription_for_a_pack_reading_role_is_read()
    {
        Assert.Equal(new SubscriptionRequest("ann@centre.example", null, Role.Executive),
            Read("""{ "email": "ann@centre.example", "scope": "centre", "role": "executive" }""").Request);
        Assert.Equal(new SubscriptionRequest("lead@centre.example", "team-01", Role.TeamLead),
            Read("""{ "email": "lead@centre.example", "scope": "team-01", "role": "teamLead" }""").Request);
    }

    [Theory]
    [InlineData("""{ "scope": "centre", "role": "executive" }""", "email: is missing")]
    [InlineData("""{ "email": "ann", "scope": "centre", "role": "executive" }""", "email: 'ann' is not one e-mail address")]
    [InlineData("""{ "email": "Ann <ann@centre.example>", "scope": "centre", "role": "executive" }""", "email: 'Ann <ann@centre.example>' is not one e-mail address")]
    [InlineData("""{ "email": "a@centre.example, b@centre.example", "scope": "centre", "role": "executive" }""", "email: 'a@centre.example, b@centre.example' is not one e-mail address")]
    [InlineData("""{ "email": 7, "scope": "centre", "role": "executive" }""", "email: must be a string")]
    [InlineData("""{ "email": "ann@centre.example", "role": "executive" }""", "scope: is missing")]
    [InlineData("""{ "email": "ann@centre.example", "scope": "", "role": "executive" }""", "scope: must not be empty")]
    [InlineData("""{ "email": "ann@centre.example", "scope": "centre" }""", "role: is missing")]
    [InlineData("""{ "email": "ann@centre.example", "scope": "centre", "role": "boss" }""", "role: 'boss' is not one of admin, qaManager, teamLead, executive")]
    [InlineData("""{ "email": "ann@centre.example", "scope": "centre", "role": "agent" }""", "role: agent does not receive packs")]
    [InlineData("""{ "email": "ann@centre.example", "scope": "centre", "role": "integration" }""", "role: integration does not receive packs")]
    [InlineData("""{ "email": "ann@centre.example", "scope": "centre", "role": "teamLead" }""", "scope: a team lead receives one team's pack")]
    [InlineData("""{ "email": "ann@centre.example", "scope": "centre", "role": "executive", "teamIds": ["t"] }""", "teamIds: is not a field of a subscription")]
    [InlineData("""[]""", "body: must be a JSON object")]
    public void A_wrong_field_is_refused_naming_it(string json, string problem)
    {
        var (request, problems) = Read(json);
        Assert.Null(request);
        Assert.Contains(problems, p => p.StartsWith(problem, StringComparison.Ordinal));
    }
}

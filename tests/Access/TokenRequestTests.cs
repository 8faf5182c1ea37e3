using System.Text.Json;
using QmInsights.Domain.Access;

namespace QmInsights.Tests.Access;

public sealed class TokenRequestTests
{
    private static (TokenRequest? Request, IReadOnlyList<string> Problems) Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return TokenRequest.Read(document.RootElement);
    }

    [Fact]
    public void Every_role_is_read_by_its_camel_case_name()
    {
        Assert.Equal(Role.QaManager, Read("""{ "role": "qaManager", "name": "Q" }""").Request!.Role);
        Assert.Equal(Role.Executive, Read("""{ "role": "executive", "name": "E" }""").Request!.Role);
        Assert.Equal(Role.Integration, Read("""{ "role": "integration", "name": "WFM feed" }""").Request!.Role);
        var lead = Read("""{ "role": "teamLead", "name": "L", "teamIds": ["t1", "t2", "t1"] }""").Request!;
        Assert.Equal(["t1", "t2"], lead.TeamIds);
        Assert.Equal("a1", Read("""{ "role": "agent", "name": "A", "agentId": "a1" }""").Request!.AgentId);
    }

    [Theory]
    [InlineData("""{ "name": "x" }""", "role: is missing")]
    [InlineData("""{ "role": "boss", "name": "x" }""", "role: 'boss' is not one of")]
    [InlineData("""{ "role": "admin" }""", "name: is missing")]
    [InlineData("""{ "role": "admin", "name": " " }""", "name: must not be empty")]
    [InlineData("""{ "role": "agent", "name": "x" }""", "agentId: an agent token must name its agent")]
    [InlineData("""{ "role": "teamLead", "name": "x" }""", "teamIds: a team lead token must name at least one team")]
    [InlineData("""{ "role": "teamLead", "name": "x", "teamIds": "t1" }""", "teamIds: must be an array")]
    [InlineData("""{ "role": "teamLead", "name": "x", "teamIds": ["t1", ""] }""", "teamIds: every entry must be a team id")]
    [InlineData("""{ "role": "executive", "name": "x", "agentId": "a1" }""", "agentId: only an agent token names an agent")]
    [InlineData("""{ "role": "qaManager", "name": "x", "teamIds": ["t1"] }""", "teamIds: only a team lead token names teams")]
    [InlineData("""[]""", "body: must be a JSON object")]
    public void Invalid_requests_name_the_field_and_the_problem(string json, string problem)
    {
        var (request, problems) = Read(json);
        Assert.Null(request);
        Assert.Contains(problems, p => p.StartsWith(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Secrets_are_random_prefixed_and_stored_as_a_sha256_hash()
    {
        var a = TokenSecret.New();
        Assert.StartsWith(TokenSecret.Prefix, a);
        Assert.NotEqual(a, TokenSecret.New());
        // SHA-256("abc") from FIPS 180-2, Appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenSecret.Hash("abc"));
    }
}

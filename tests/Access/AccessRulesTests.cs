using QmInsights.Domain.Access;

namespace QmInsights.Tests.Access;

public sealed class AccessRulesTests
{
    private static Caller Of(Role role, string? agentId = null, params string[] teams) => new(role, "someone", agentId, [.. teams], "t1");

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.QaManager)]
    public void Admin_and_QA_managers_see_every_agent_rostered_or_not(Role role)
    {
        Assert.Null(AccessRules.AgentDenial(Of(role), "a1", "team-1"));
        Assert.Null(AccessRules.AgentDenial(Of(role), "a2", null));
    }

    [Fact]
    public void An_agent_sees_only_their_own_data()
    {
        var agent = Of(Role.Agent, "a1");
        Assert.Null(AccessRules.AgentDenial(agent, "a1", "team-1"));
        Assert.Null(AccessRules.AgentDenial(agent, "a1", null));
        var denial = AccessRules.AgentDenial(agent, "a2", "team-1");
        Assert.StartsWith("agentId:", denial);
        Assert.Contains("'a2'", denial);
    }

    [Fact]
    public void A_team_lead_sees_agents_currently_in_their_teams_only()
    {
        var lead = Of(Role.TeamLead, null, "team-1", "team-2");
        Assert.Null(AccessRules.AgentDenial(lead, "a1", "team-1"));
        Assert.Null(AccessRules.AgentDenial(lead, "a2", "team-2"));
        // Refused without saying which team the agent is in (another team's roster), rostered or not.
        Assert.Equal("agentId: 'a3' is not in this team lead's teams (team-1, team-2)", AccessRules.AgentDenial(lead, "a3", "team-3"));
        Assert.Equal("agentId: 'a4' is not in this team lead's teams (team-1, team-2)", AccessRules.AgentDenial(lead, "a4", null));
    }

    [Theory]
    [InlineData(Role.Executive)]
    [InlineData(Role.Integration)]
    public void Executives_and_integrations_see_no_individual_agent(Role role) =>
        Assert.NotNull(AccessRules.AgentDenial(Of(role), "a1", "team-1"));

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.QaManager)]
    [InlineData(Role.Executive)]
    public void Admin_QA_and_executives_see_every_team_and_the_whole_centre(Role role)
    {
        Assert.Null(AccessRules.TeamDenial(Of(role), "team-9"));
        Assert.Null(AccessRules.TeamDenial(Of(role), null));
    }

    [Fact]
    public void A_team_lead_must_name_one_of_their_teams()
    {
        var lead = Of(Role.TeamLead, null, "team-1");
        Assert.Null(AccessRules.TeamDenial(lead, "team-1"));
        Assert.StartsWith("teamId:", AccessRules.TeamDenial(lead, "team-2"));
        Assert.Contains("must name", AccessRules.TeamDenial(lead, null));
    }

    [Theory]
    [InlineData(Role.Agent)]
    [InlineData(Role.Integration)]
    public void Agents_and_integrations_see_no_team_figures(Role role)
    {
        Assert.NotNull(AccessRules.TeamDenial(Of(role, "a1"), "team-1"));
        Assert.NotNull(AccessRules.TeamDenial(Of(role, "a1"), null));
    }
}

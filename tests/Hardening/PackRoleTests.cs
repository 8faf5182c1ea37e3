using System.Net;
using System.Text;
using System.Text.Json;
using QmInsights.Domain.Access;
using QmInsights.Tests.Api;
using QmInsights.Tests.Reports;

namespace QmInsights.Tests.Hardening;

/// <summary>Finding 3: the monthly pack follows the caller's role. Executives get the aggregate pack (no agent or
/// evaluator named), team leads only their teams, re-rendering is for QA managers and admins, every read is audited.</summary>
public sealed class PackRoleTests(SecuredHostFixture host) : IClassFixture<SecuredHostFixture>
{
    private const string Evaluator = "sec-evaluator-zed";

    private async Task Feed()
    {
        var interactions = new StringBuilder();
        var evaluations = new StringBuilder();
        for (var i = 0; i < 6; i++)
        {
            interactions.AppendLine($$"""{"interactionId":"pack-i{{i}}","channel":"call","agentId":"sec-a1","teamId":"sec-t1","queue":"q","startedAt":"2026-02-{{10 + i}}T09:00:00Z","handleSeconds":300}""");
            var answer = i % 2 == 0 ? "yes" : "no";
            evaluations.AppendLine($$$"""{"evaluationId":"pack-e{{{i}}}","interactionId":"pack-i{{{i}}}","agentId":"sec-a1","evaluatorId":"{{{Evaluator}}}","scorecardId":"sec-card","kind":"regular","evaluatedAt":"2026-02-{{{11 + i}}}T09:00:00Z","answers":{"a":"{{{answer}}}"}}""");
        }
        foreach (var (path, body) in new[] { ("/api/interactions", interactions), ("/api/evaluations", evaluations) })
            (await host.Admin.PostAsync(path, new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson"))).EnsureSuccessStatusCode();
    }

    private async Task<(HttpStatusCode Status, byte[] Body)> Get(Role role, string path)
    {
        using var http = host.As(role);
        using var response = await http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_executive_gets_the_aggregate_pack_and_the_full_pack_stays_for_those_who_may_read_names()
    {
        await Feed();
        const string path = "/api/reports/monthly/2026-02?teamId=sec-t1";

        var (adminStatus, adminPdf) = await Get(Role.Admin, path);
        Assert.Equal(HttpStatusCode.OK, adminStatus);
        var full = string.Join("\n", Pdf.Pages(adminPdf));
        Assert.Contains("sec-a1", full);

        // Asked after the full pack was archived, the executive still gets a pack without names.
        var (execStatus, execPdf) = await Get(Role.Executive, path);
        Assert.Equal(HttpStatusCode.OK, execStatus);
        var aggregate = string.Join("\n", Pdf.Pages(execPdf));
        Assert.DoesNotContain("sec-a1", aggregate);
        Assert.DoesNotContain(Evaluator, aggregate);
        Assert.Contains("team sec-t1", aggregate);

        var (leadStatus, leadPdf) = await Get(Role.TeamLead, path);
        Assert.Equal(HttpStatusCode.OK, leadStatus);
        Assert.Contains("sec-a1", string.Join("\n", Pdf.Pages(leadPdf)));

        // Re-rendering replaces what was sent: QA managers and admins only.
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(Role.Executive, path + "&refresh=true")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get(Role.TeamLead, path + "&refresh=true")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Get(Role.QaManager, path + "&refresh=true")).Status);

        using var audit = JsonDocument.Parse(await host.Admin.GetStringAsync("/api/audit?limit=200"));
        var packReads = audit.RootElement.EnumerateArray().Where(e => e.GetProperty("action").GetString() == "read monthly pack").ToList();
        Assert.Contains(packReads, e => e.GetProperty("actor").GetString() == "exec" && e.GetProperty("status").GetInt32() == 200);
        Assert.Contains(packReads, e => e.GetProperty("actor").GetString() == "exec" && e.GetProperty("status").GetInt32() == 403);
    }
}

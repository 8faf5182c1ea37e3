using System.Text;
using System.Text.Json;
using QmInsights.Domain.Simulation;

namespace QmInsights.Tests.Api;

/// <summary>The engine's insights read the closed calibration sessions: once a session with an expert shows how often
/// each evaluator misrecords, item effects are those of the item being done, corrected for it, and say so.</summary>
public sealed class MisrecordingCorrectionApiTests(SimulatedCentreFixture centre) : IClassFixture<SimulatedCentreFixture>
{
    private const string Period = "from=2025-09-01&to=2025-10-31";

    [Fact]
    public async Task Item_effects_are_corrected_once_a_calibration_session_with_an_expert_is_closed()
    {
        Assert.All(await ItemRelationships(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("attenuation").ValueKind));

        // Ten contacts scored by every evaluator and by the QA lead; each evaluator records "yes" on the lead's "no"
        // for one item in three of the contacts where the lead saw it not done (a lenient habit).
        var contacts = Enumerable.Range(1, 10).Select(i => $"mis-c{i}").ToList();
        var evaluators = centre.Simulation.Evaluators.Select(e => e.EvaluatorId).ToList();
        var session = JsonSerializer.Serialize(new { interactionIds = contacts, evaluatorIds = evaluators, expertId = "qa-lead", scorecardId = DemoScorecard.Id });
        (await centre.Http.PutAsync("/api/calibrations/mis-1", new StringContent(session, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        string Expert(int contact, string item) => (contact + item.Length) % 3 == 0 ? "no" : "yes";
        var lines = new List<string>();
        foreach (var evaluator in evaluators.Prepend("qa-lead"))
            for (var c = 0; c < contacts.Count; c++)
            {
                var answers = DemoScorecard.ItemIds.ToDictionary(item => item, item =>
                    evaluator != "qa-lead" && Expert(c, item) == "no" && c % 3 == 0 ? "yes" : Expert(c, item));
                lines.Add(JsonSerializer.Serialize(new
                {
                    evaluationId = $"mis-{evaluator}-{c}", interactionId = contacts[c], agentId = "cal-agent", evaluatorId = evaluator,
                    scorecardId = DemoScorecard.Id, kind = "calibration", evaluatedAt = "2025-10-20T10:00:00Z", answers,
                }));
            }
        using (var post = await centre.Http.PostAsync("/api/evaluations", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson")))
            Assert.Contains($"\"accepted\":{lines.Count}", await post.Content.ReadAsStringAsync());
        (await centre.Http.PostAsync("/api/calibrations/mis-1/close", null)).EnsureSuccessStatusCode();

        var corrected = await ItemRelationships();
        Assert.NotEmpty(corrected);
        foreach (var r in corrected)
        {
            var lambda = r.GetProperty("attenuation").GetDouble();
            Assert.InRange(lambda, 0.01, 1.0);
            Assert.Contains("Corrected for evaluators' misrecording", r.GetProperty("explanation").GetString());
        }
        // The QA score is no item: nothing to correct.
        Assert.All(await Relationships(r => r.GetProperty("driver").GetString() == "qaScore"),
            r => Assert.Equal(JsonValueKind.Null, r.GetProperty("attenuation").ValueKind));
    }

    // The contact-level relationships of items that were tested (an effect or "no effect found", not "too few").
    private Task<List<JsonElement>> ItemRelationships() => Relationships(r =>
        DemoScorecard.ItemIds.Contains(r.GetProperty("driver").GetString()) && r.GetProperty("verdict").GetString() != "too few observations");

    private async Task<List<JsonElement>> Relationships(Func<JsonElement, bool> which)
    {
        using var doc = JsonDocument.Parse(await centre.Http.GetStringAsync($"/api/insights/relationships?{Period}"));
        return doc.RootElement.GetProperty("relationships").EnumerateArray()
            .Where(r => r.GetProperty("level").GetString() == "interaction" && which(r)).Select(r => r.Clone()).ToList();
    }
}

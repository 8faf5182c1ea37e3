using System.Net;
using System.Text.Json;
using QmInsights.Domain.Joins;
using QmInsights.Tests.Aggregates;

namespace QmInsights.Tests.Retention;

/// <summary>What the API serves for the agents, teams and scorecard of <see cref="RandomFacts"/>, to compare before and
/// after facts are deleted.</summary>
public static class Snapshot
{
    public static async Task<Dictionary<string, JsonElement>> Take(HttpClient http, string prefix)
    {
        var pages = new Dictionary<string, JsonElement>();
        var paths = Enumerable.Range(0, 12).Select(a => $"/api/agents/{prefix}a{a}/summary?period=month")
            .Concat(Enumerable.Range(0, 4).Select(t => $"/api/teams/{prefix}t{t}/summary?period=month"))
            .Append("/api/scorecards/sc/items");
        foreach (var path in paths)
        {
            using var response = await http.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.NotFound) continue;
            response.EnsureSuccessStatusCode();
            pages[path] = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
        return pages;
    }

    /// <summary>Every page of <paramref name="before"/> is served the same now (numbers up to rounding).</summary>
    public static void AssertSame(Dictionary<string, JsonElement> before, Dictionary<string, JsonElement> now, Func<string, bool>? include = null)
    {
        foreach (var (path, page) in before.Where(p => include?.Invoke(p.Key) ?? true))
        {
            Assert.True(now.ContainsKey(path), $"{path} is no longer served");
            JsonAssert.Close(page, now[path], path);
        }
    }

    /// <summary>The interactions whose every fact (contact, survey, each evaluation revision) is before
    /// <paramref name="cutoff"/>: what retention must delete.</summary>
    public static HashSet<string> RetiredBy(RandomFacts facts, DateOnly cutoff)
    {
        var times = facts.Interactions.ToDictionary(i => i.InteractionId, i => new List<DateTimeOffset> { i.StartedAt });
        foreach (var s in facts.Surveys) times[s.InteractionId].Add(s.AnsweredAt);
        foreach (var e in facts.Evaluations) times[e.InteractionId].Add(e.EvaluatedAt);
        return times.Where(p => p.Value.All(t => JoinContribution.UtcDay(t) < cutoff)).Select(p => p.Key).ToHashSet();
    }
}

/// <summary>A clock a test moves by hand, so facts can age past the retention horizon.</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

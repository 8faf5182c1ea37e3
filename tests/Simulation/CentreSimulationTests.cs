using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;
using QmInsights.Domain.Simulation;

namespace QmInsights.Tests.Simulation;

public sealed class CentreSimulationTests
{
    private static readonly SimulationOptions Small = new()
    {
        Teams = 2, Agents = 12, Months = 4, Start = new DateOnly(2025, 10, 6), ContactsPerAgentDay = 10,
    };

    [Fact]
    public void The_same_seed_gives_the_same_facts_and_another_seed_other_facts()
    {
        var a = new CentreSimulation(Small);
        var b = new CentreSimulation(Small);
        Assert.Equal(a.Interactions(), b.Interactions());
        Assert.Equal(a.Surveys(), b.Surveys());
        Assert.Equal(a.Evaluations(), b.Evaluations());
        var c = new CentreSimulation(Small with { Seed = 7 });
        Assert.NotEqual(a.Interactions().Take(100), c.Interactions().Take(100));
    }

    [Fact]
    public void Every_evaluation_refers_to_a_contact_of_its_agent_and_answers_every_item_of_its_version()
    {
        var centre = new CentreSimulation(Small);
        var contacts = centre.Interactions().ToDictionary(i => i.InteractionId);
        var history = new ScorecardHistory(centre.ScorecardVersions.Select(v => new ScorecardVersion(DemoScorecard.Id, v.Version, v.ValidFrom, v.Definition)));
        var evaluations = centre.Evaluations().ToList();
        Assert.Equal(evaluations.Count, evaluations.Select(e => e.EvaluationId).Distinct().Count());
        foreach (var e in evaluations)
        {
            Assert.Equal(contacts[e.InteractionId].AgentId, e.AgentId);
            Assert.True(e.EvaluatedAt > contacts[e.InteractionId].StartedAt);
            var (version, error) = history.Resolve(e.ScorecardId, e.ScorecardVersion, e.EvaluatedAt);
            Assert.Null(error);
            Assert.Null(ScorecardHistory.CheckAnswers(version!, e.Answers));
        }
        Assert.Contains(evaluations, e => e.Kind == EvaluationKind.Self && e.EvaluatorId == e.AgentId);
    }

    [Fact]
    public void Surveys_answer_generated_contacts_after_they_happened()
    {
        var centre = new CentreSimulation(Small);
        var contacts = centre.Interactions().ToDictionary(i => i.InteractionId);
        var surveys = centre.Surveys().ToList();
        Assert.All(surveys, s => Assert.True(s.AnsweredAt > contacts[s.InteractionId].StartedAt));
        Assert.All(surveys, s => Assert.True(s.Csat is not null || s.Nps is not null));
        Assert.InRange(surveys.Count / (double)contacts.Count, 0.12, 0.18);
    }

    [Fact]
    public void December_has_more_contacts_per_working_day_than_November()
    {
        var byMonth = new CentreSimulation(Small).Interactions().GroupBy(i => i.StartedAt.Month).ToDictionary(g => g.Key, g => g.Count());
        // November 2025 and December 2025 have 20 and 23 weekdays; compare per weekday.
        Assert.True(byMonth[12] / 23.0 > 1.2 * (byMonth[11] / 20.0), $"Dec {byMonth[12]}, Nov {byMonth[11]}");
    }

    [Fact]
    public void The_planted_upsell_effect_shows_in_the_raw_data_and_a_zero_effect_item_shows_none()
    {
        var centre = new CentreSimulation(Small with { Agents = 60, Teams = 4, SurveyResponseRate = 0.5 });
        var csatWhen = new Dictionary<(string Item, bool Done), List<int>>();
        foreach (var contact in centre.AgentMonths().SelectMany(m => m.Contacts))
        {
            if (contact.Survey?.Csat is not { } csat) continue;
            foreach (var item in new[] { "upsell", "tone" })
            {
                if (contact.Behaviour[item] == ItemAnswer.NotApplicable) continue;
                var key = (item, contact.Behaviour[item] == ItemAnswer.Yes);
                if (!csatWhen.TryGetValue(key, out var list)) csatWhen[key] = list = new List<int>();
                list.Add(csat);
            }
        }
        double Effect(string item) => csatWhen[(item, true)].Average() - csatWhen[(item, false)].Average();
        // Upsellers differ in skill only by chance, so the raw difference is close to the planted -0.6
        // (clamping at 1 and 5 attenuates it a little).
        Assert.InRange(Effect("upsell"), -0.75, -0.4);
        // Adherence to "tone" rises with skill, which raises CSAT: a small positive confounded difference, far from -0.6.
        Assert.InRange(Effect("tone"), -0.1, 0.35);
    }
}

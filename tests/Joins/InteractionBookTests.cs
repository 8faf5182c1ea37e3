using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Scorecards;

namespace QmInsights.Tests.Joins;

public sealed class InteractionBookTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));
    private readonly InteractionBook _book = new(new ShardRows());
    private readonly Dictionary<string, TallyMap<TallyBucket, QualityTally>> _agents = new();
    private readonly Dictionary<string, TallyMap<TallyBucket, QualityTally>> _teams = new();

    private static Interaction Contact(string id = "i1", string team = "t1", Channel channel = Channel.Chat) =>
        new(id, channel, "a1", team, "billing", Monday, 300, 20, 5, true);

    private static ScoredEvaluation Scored(double? percent, int revision = 1, string evaluationId = "e1") =>
        new(new Evaluation(evaluationId, "i1", "a1", "ev1", "sc", null, EvaluationKind.Regular, Monday.AddDays(2),
                [new ItemResponse("greet", ItemAnswer.Yes)], null, revision),
            new EvaluationScore(percent, false, 0, 0, 1, 90));

    private FactOutcome Apply(Func<AggregateChanges, FactOutcome> apply)
    {
        var changes = new AggregateChanges();
        var outcome = apply(changes);
        foreach (var (id, map) in changes.Agents) Merge(_agents, id, map);
        foreach (var (id, map) in changes.Teams) Merge(_teams, id, map);
        return outcome;
    }

    private static void Merge(Dictionary<string, TallyMap<TallyBucket, QualityTally>> into, string id, TallyMap<TallyBucket, QualityTally> map)
    {
        if (!into.TryGetValue(id, out var target)) into[id] = target = new TallyMap<TallyBucket, QualityTally>();
        target.Merge(map);
    }

    private QualityFigures Agent() => SummaryBuilder.Figures(Total(_agents.GetValueOrDefault("a1")));
    private QualityFigures Team(string id) => SummaryBuilder.Figures(Total(_teams.GetValueOrDefault(id)));

    private static QualityTally Total(TallyMap<TallyBucket, QualityTally>? map)
    {
        var total = new QualityTally();
        foreach (var t in map?.Buckets.Values ?? Enumerable.Empty<QualityTally>()) total.Add(t, 1);
        return total;
    }

    [Fact]
    public void The_same_interaction_twice_is_a_duplicate_and_counted_once()
    {
        Assert.Equal(FactStatus.Accepted, Apply(c => _book.Apply(0, Contact(), c)).Status);
        Assert.Equal(FactStatus.Duplicate, Apply(c => _book.Apply(1, Contact(), c)).Status);
        Assert.Equal(1, Agent().Interactions);
    }

    [Fact]
    public void A_different_interaction_under_an_accepted_id_is_a_conflict_naming_the_field()
    {
        Apply(c => _book.Apply(0, Contact(), c));
        var outcome = Apply(c => _book.Apply(1, Contact(team: "t2"), c));
        Assert.Equal(FactStatus.Conflict, outcome.Status);
        Assert.StartsWith("teamId:", outcome.Reason);
        Assert.Equal(1, Team("t1").Interactions);
        Assert.Equal(0, Team("t2").Interactions);
    }

    [Fact]
    public void A_survey_before_its_interaction_counts_once_the_interaction_arrives()
    {
        Apply(c => _book.Apply(0, new Survey("i1", Monday.AddHours(2), 5, 10), c));
        Assert.Equal(0, Agent().Surveys);
        Apply(c => _book.Apply(1, Contact(), c));
        Assert.Equal(1, Agent().Surveys);
        Assert.Equal(100, Team("t1").Csat);
        Assert.Equal(100, Team("t1").Nps);
    }

    [Fact]
    public void An_evaluation_before_its_interaction_counts_for_the_agent_and_moves_to_team_and_channel_later()
    {
        Apply(c => _book.Apply(0, Scored(80), c));
        Assert.Equal(1, Agent().Evaluations);
        Assert.Equal(0, Team("t1").Evaluations);
        Assert.Contains(_agents["a1"].Buckets.Keys, b => b.Channel is null);

        Apply(c => _book.Apply(1, Contact(channel: Channel.Email), c));
        Assert.Equal(1, Agent().Evaluations);
        Assert.Equal(80, Team("t1").QaScore);
        Assert.DoesNotContain(_agents["a1"].Buckets.Keys, b => b.Channel is null);
        Assert.All(_agents["a1"].Buckets.Keys, b => Assert.Equal(Channel.Email, b.Channel));
    }

    [Fact]
    public void A_higher_revision_replaces_the_evaluation_everywhere()
    {
        Apply(c => _book.Apply(0, Contact(), c));
        Apply(c => _book.Apply(1, Scored(60), c));
        Assert.Equal(FactStatus.Revised, Apply(c => _book.Apply(2, Scored(100, revision: 2), c)).Status);
        Assert.Equal(1, Agent().Evaluations);
        Assert.Equal(100, Agent().QaScore);
        Assert.Equal(100, Team("t1").QaScore);
        Assert.Single(_book.Find("i1")!.Replaced);
    }

    [Fact]
    public void A_lower_revision_after_a_higher_one_is_superseded_and_changes_nothing()
    {
        Apply(c => _book.Apply(0, Scored(100, revision: 2), c));
        var outcome = Apply(c => _book.Apply(1, Scored(60, revision: 1), c));
        Assert.Equal(FactStatus.Superseded, outcome.Status);
        Assert.Equal(100, Agent().QaScore);
    }

    [Fact]
    public void The_same_revision_with_other_answers_is_a_conflict_that_asks_for_a_higher_revision()
    {
        Apply(c => _book.Apply(0, Scored(100), c));
        var changed = Scored(100) with { Evaluation = Scored(100).Evaluation with { Answers = [new ItemResponse("greet", ItemAnswer.No)] } };
        var outcome = Apply(c => _book.Apply(1, changed, c));
        Assert.Equal(FactStatus.Conflict, outcome.Status);
        Assert.Contains("answers", outcome.Reason);
        Assert.Contains("higher revision", outcome.Reason);
    }

    [Fact]
    public void An_unscored_evaluation_is_counted_apart_from_the_QA_score()
    {
        Apply(c => _book.Apply(0, Scored(null), c));
        Assert.Equal(0, Agent().Evaluations);
        Assert.Equal(1, Agent().UnscoredEvaluations);
        Assert.Null(Agent().QaScore);
    }
}

using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Ingestion;

/// <summary>The record kinds of the ingestion contract.</summary>
public static class FactShapes
{
    private static readonly Dictionary<string, Channel> Channels = new()
    {
        ["call"] = Channel.Call, ["email"] = Channel.Email, ["chat"] = Channel.Chat,
    };

    private static readonly Dictionary<string, ContactOutcome> Outcomes = new()
    {
        ["handled"] = ContactOutcome.Handled, ["abandoned"] = ContactOutcome.Abandoned,
        ["shortabandoned"] = ContactOutcome.ShortAbandoned,
    };

    private static readonly Dictionary<string, EvaluationKind> Kinds = new()
    {
        ["regular"] = EvaluationKind.Regular, ["calibration"] = EvaluationKind.Calibration, ["self"] = EvaluationKind.Self,
    };

    private static readonly Dictionary<string, EvaluationSelection> Selections = new()
    {
        ["random"] = EvaluationSelection.Random, ["targeted"] = EvaluationSelection.Targeted, ["dispute"] = EvaluationSelection.Dispute,
    };

    private static readonly Dictionary<string, ItemAnswer> Answers = new()
    {
        ["yes"] = ItemAnswer.Yes, ["no"] = ItemAnswer.No, ["na"] = ItemAnswer.NotApplicable,
    };

    /// <summary>A contact can last at most a day.</summary>
    public const int MaxSeconds = 86_400;
    public const int MaxCommentLength = 4_000;

    public static readonly RecordShape<Interaction> Interaction = new("interaction",
        Set("interactionId", "channel", "agentId", "teamId", "queue", "startedAt", "handleSeconds",
            "afterCallWorkSeconds", "waitSeconds", "resolvedFirstContact", "outcome"),
        ["interactionId", "channel", "queue", "startedAt"],
        "interactionId",
        (s, p) =>
        {
            var id = FieldRules.Id(s, "interactionId", p);
            var channel = FieldRules.Choice(s, "channel", Channels, p);
            var outcome = FieldRules.Choice(s, "outcome", Outcomes, p, required: false) ?? ContactOutcome.Handled;
            var handled = outcome == ContactOutcome.Handled;
            // An abandoned contact reached no agent: naming one would put it in somebody's figures.
            var agent = handled ? FieldRules.Id(s, "agentId", p) : Unhandled(s, "agentId", outcome, p);
            var team = handled ? FieldRules.Id(s, "teamId", p) : Unhandled(s, "teamId", outcome, p);
            var queue = FieldRules.Id(s, "queue", p);
            var started = FieldRules.Time(s, "startedAt", p);
            var handle = FieldRules.Duration(s, "handleSeconds", MaxSeconds, p, required: handled) ?? 0;
            if (!handled && handle > 0) p.Add($"handleSeconds: an {Name(outcome)} contact was not handled; give 0 or leave it out");
            var acw = FieldRules.Duration(s, "afterCallWorkSeconds", MaxSeconds, p);
            var wait = FieldRules.Duration(s, "waitSeconds", MaxSeconds, p);
            var fcr = s.Boolean("resolvedFirstContact", p);
            return p.Count > 0 ? null
                : new Interaction(id!, channel!.Value, agent, team, queue!, started!.Value, handle, acw, wait, fcr, outcome);
        });

    public static readonly RecordShape<Survey> Survey = new("survey",
        Set("interactionId", "answeredAt", "csat", "nps"),
        ["interactionId", "answeredAt"],
        "interactionId",
        (s, p) =>
        {
            var id = FieldRules.Id(s, "interactionId", p);
            var answered = FieldRules.Time(s, "answeredAt", p);
            var csat = FieldRules.Integer(s, "csat", 1, 5, p);
            var nps = FieldRules.Integer(s, "nps", 0, 10, p);
            if (!s.Has("csat") && !s.Has("nps")) p.Add("csat: a survey needs csat (1-5) or nps (0-10) or both");
            return p.Count > 0 ? null : new Survey(id!, answered!.Value, (int?)csat, (int?)nps);
        });

    public static readonly RecordShape<Evaluation> Evaluation = new("evaluation",
        Set("evaluationId", "interactionId", "agentId", "evaluatorId", "scorecardId", "scorecardVersion", "kind",
            "evaluatedAt", "answers", "comment", "revision", "selection", "inclusionProbability"),
        ["evaluationId", "interactionId", "agentId", "evaluatorId", "scorecardId", "kind", "evaluatedAt", "answers"],
        "evaluationId",
        (s, p) =>
        {
            var id = FieldRules.Id(s, "evaluationId", p);
            var interaction = FieldRules.Id(s, "interactionId", p);
            var agent = FieldRules.Id(s, "agentId", p);
            var evaluator = FieldRules.Id(s, "evaluatorId", p);
            var scorecard = FieldRules.Id(s, "scorecardId", p);
            var version = FieldRules.Integer(s, "scorecardVersion", 1, int.MaxValue, p);
            var kind = FieldRules.Choice(s, "kind", Kinds, p);
            var evaluated = FieldRules.Time(s, "evaluatedAt", p);
            var answers = ReadAnswers(s, p);
            var comment = FieldRules.Text(s, "comment", MaxCommentLength, p, multiline: true);
            var revision = FieldRules.Integer(s, "revision", 1, int.MaxValue, p) ?? 1;
            var selection = FieldRules.Choice(s, "selection", Selections, p, required: false) ?? EvaluationSelection.Random;
            var inclusion = FieldRules.Probability(s, "inclusionProbability", p);
            return p.Count > 0 ? null
                : new Evaluation(id!, interaction!, agent!, evaluator!, scorecard!, (int?)version, kind!.Value,
                    evaluated!.Value, Facts.Evaluation.Canonical(answers!), comment, (int)revision, selection, inclusion);
        });

    private static List<ItemResponse>? ReadAnswers(IFieldSource s, List<string> p)
    {
        if (!s.Has("answers"))
        {
            p.Add("answers: is missing");
            return null;
        }
        var map = s.Map("answers", p);
        if (map is null) return null;
        if (map.Count == 0) p.Add("answers: must answer at least one item");
        var answers = new List<ItemResponse>(map.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, text) in map)
        {
            if (!Ids.IsValid(item)) p.Add($"answers: item id {Ids.Describe(item)}");
            else if (!seen.Add(item)) p.Add($"answers.{item}: is answered twice");
            else if (Answers.TryGetValue(text.ToLowerInvariant(), out var answer)) answers.Add(new ItemResponse(item, answer));
            else p.Add($"answers.{item}: '{text}' is not one of yes, no, na");
        }
        return answers;
    }

    /// <summary>The contract's spelling of an outcome.</summary>
    public static string Name(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.Abandoned => "abandoned",
        ContactOutcome.ShortAbandoned => "shortAbandoned",
        _ => "handled",
    };

    // Null, with a problem when the export names one anyway.
    private static string? Unhandled(IFieldSource s, string field, ContactOutcome outcome, List<string> p)
    {
        if (s.Has(field)) p.Add($"{field}: an {Name(outcome)} contact has no {field[..^2]}; leave it out");
        return null;
    }

    private static IReadOnlySet<string> Set(params string[] names) => names.ToHashSet(StringComparer.Ordinal);
}

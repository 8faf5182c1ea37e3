using System.Globalization;
using System.Text.Json;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;

namespace QmInsights.Domain.Ingestion;

/// <summary>Writes facts in the public contract's JSON shape (the inverse of the ingestion readers), for clients such
/// as the demo that feed the engine through its own API.</summary>
public static class ContractJson
{
    public static void Write(Utf8JsonWriter w, Interaction i)
    {
        w.WriteStartObject();
        w.WriteString("interactionId", i.InteractionId);
        w.WriteString("channel", Name(i.Channel));
        if (i.AgentId is not null) w.WriteString("agentId", i.AgentId);
        if (i.TeamId is not null) w.WriteString("teamId", i.TeamId);
        w.WriteString("queue", i.Queue);
        w.WriteString("startedAt", Time(i.StartedAt));
        w.WriteNumber("handleSeconds", i.HandleSeconds);
        if (i.AfterCallWorkSeconds is { } acw) w.WriteNumber("afterCallWorkSeconds", acw);
        if (i.WaitSeconds is { } wait) w.WriteNumber("waitSeconds", wait);
        if (i.ResolvedFirstContact is { } fcr) w.WriteBoolean("resolvedFirstContact", fcr);
        if (!i.IsHandled) w.WriteString("outcome", FactShapes.Name(i.Outcome));
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, Survey s)
    {
        w.WriteStartObject();
        w.WriteString("interactionId", s.InteractionId);
        w.WriteString("answeredAt", Time(s.AnsweredAt));
        if (s.Csat is { } csat) w.WriteNumber("csat", csat);
        if (s.Nps is { } nps) w.WriteNumber("nps", nps);
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, Evaluation e)
    {
        w.WriteStartObject();
        w.WriteString("evaluationId", e.EvaluationId);
        w.WriteString("interactionId", e.InteractionId);
        w.WriteString("agentId", e.AgentId);
        w.WriteString("evaluatorId", e.EvaluatorId);
        w.WriteString("scorecardId", e.ScorecardId);
        if (e.ScorecardVersion is { } version) w.WriteNumber("scorecardVersion", version);
        w.WriteString("kind", e.Kind.ToString().ToLowerInvariant());
        w.WriteString("evaluatedAt", Time(e.EvaluatedAt));
        w.WriteStartObject("answers");
        foreach (var answer in e.Answers) w.WriteString(answer.ItemId, Name(answer.Answer));
        w.WriteEndObject();
        if (e.Comment is not null) w.WriteString("comment", e.Comment);
        if (e.Revision != 1) w.WriteNumber("revision", e.Revision);
        if (e.Selection != EvaluationSelection.Random) w.WriteString("selection", e.Selection.ToString().ToLowerInvariant());
        if (e.InclusionProbability is { } inclusion) w.WriteNumber("inclusionProbability", inclusion);
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, ScorecardDefinition d, DateTimeOffset? validFrom)
    {
        w.WriteStartObject();
        w.WriteString("name", d.Name);
        w.WriteNumber("targetPercent", d.TargetPercent);
        if (validFrom is { } from) w.WriteString("validFrom", Time(from));
        w.WriteStartArray("sections");
        foreach (var section in d.Sections)
        {
            w.WriteStartObject();
            w.WriteString("id", section.Id);
            w.WriteString("name", section.Name);
            w.WriteNumber("weight", section.Weight);
            w.WriteStartArray("items");
            foreach (var item in section.Items)
            {
                w.WriteStartObject();
                w.WriteString("id", item.Id);
                w.WriteString("text", item.Text);
                if (item.Why is not null) w.WriteString("why", item.Why);
                w.WriteNumber("points", item.Points);
                w.WriteBoolean("essential", item.Essential);
                w.WriteBoolean("critical", item.Critical);
                w.WriteString("naPolicy", item.NaPolicy.ToString().ToLowerInvariant());
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, AgentRosterEntry a)
    {
        w.WriteStartObject();
        w.WriteString("teamId", a.TeamId);
        w.WriteString("hiredAt", Time(a.HiredAt));
        if (a.DisplayName is not null) w.WriteString("displayName", a.DisplayName);
        w.WriteEndObject();
    }

    public static string Name(Channel channel) => channel.ToString().ToLowerInvariant();

    public static string Name(ItemAnswer answer) => answer switch
    {
        ItemAnswer.Yes => "yes",
        ItemAnswer.No => "no",
        _ => "na",
    };

    private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}

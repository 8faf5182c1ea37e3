namespace QmInsights.Domain.Ingestion.Profiles;

/// <summary>Import profiles that come with the engine, for export layouts whose columns are publicly documented. A
/// profile stored under the same id with <c>PUT /api/import-profiles/{id}</c> takes precedence.</summary>
public static class ShippedProfiles
{
    /// <summary>snake_case columns with clock durations, as a spreadsheet or a home-grown ACD export writes them.</summary>
    public static readonly ImportProfile Generic = new("Generic contact export (snake_case columns, hh:mm:ss durations)",
        new()
        {
            ["interactionId"] = "interaction_id", ["channel"] = "channel", ["agentId"] = "agent_id", ["teamId"] = "team_id",
            ["queue"] = "queue", ["startedAt"] = "started_at", ["handleSeconds"] = "handle_time",
            ["afterCallWorkSeconds"] = "wrap_up_time", ["waitSeconds"] = "wait_time", ["outcome"] = "outcome",
            ["resolvedFirstContact"] = "first_contact_resolution",
            ["answeredAt"] = "answered_at", ["csat"] = "csat", ["nps"] = "nps",
            ["evaluationId"] = "evaluation_id", ["evaluatorId"] = "evaluator_id", ["scorecardId"] = "scorecard_id",
            ["scorecardVersion"] = "scorecard_version", ["kind"] = "kind", ["evaluatedAt"] = "evaluated_at",
            ["answers"] = "answers", ["comment"] = "comment",
        },
        Values: new()
        {
            ["channel"] = new() { ["voice"] = "call", ["phone"] = "call", ["webchat"] = "chat", ["messaging"] = "chat" },
            ["outcome"] = new() { ["answered"] = "handled", ["abandon"] = "abandoned", ["short abandon"] = "shortAbandoned" },
        });

    /// <summary>Amazon Connect contact records (the CTR data model) flattened to CSV with dotted column names, as the
    /// contact record export stream lands in S3/Athena. A contact without an agent was not answered.</summary>
    /// <remarks>Columns: https://docs.aws.amazon.com/connect/latest/adminguide/ctr-data-model.html (ContactId, Channel,
    /// InitiationTimestamp, Queue.Name, Queue.Duration, Agent.Username, Agent.RoutingProfile.Name,
    /// Agent.AgentInteractionDuration, Agent.AfterContactWorkDuration; durations in whole seconds).</remarks>
    public static readonly ImportProfile AmazonConnect = new("Amazon Connect contact records (CTR), flattened",
        new()
        {
            ["interactionId"] = "ContactId", ["channel"] = "Channel", ["agentId"] = "Agent.Username",
            ["teamId"] = "Agent.RoutingProfile.Name", ["queue"] = "Queue.Name", ["startedAt"] = "InitiationTimestamp",
            ["handleSeconds"] = "Agent.AgentInteractionDuration", ["afterCallWorkSeconds"] = "Agent.AfterContactWorkDuration",
            ["waitSeconds"] = "Queue.Duration", ["outcome"] = "{Agent.Username}",
        },
        Values: new()
        {
            ["channel"] = new() { ["VOICE"] = "call", ["CHAT"] = "chat", ["EMAIL"] = "email" },
            ["outcome"] = new() { [""] = "abandoned", ["*"] = "handled" },
        });

    /// <summary>Talkdesk's Messaging Contacts report (Explore API report type <c>messaging_contacts</c>): times
    /// <c>yyyy-MM-dd HH:mm:ss</c> in the account's zone, handle time written <c>0d 0h 0m 42s</c>, wrap-up in days.</summary>
    /// <remarks>Columns: https://docs.talkdesk.com/docs/messaging-contacts-report (contact_id, channel_type,
    /// contact_started_at, user_id, queues, contact_handle_time, wrap-up_duration). The report has no team column: the
    /// handling queue stands in until the profile is copied and mapped to the centre's own teams.</remarks>
    public static readonly ImportProfile TalkdeskMessaging = new("Talkdesk Messaging Contacts report",
        new()
        {
            ["interactionId"] = "contact_id", ["channel"] = "channel_type", ["agentId"] = "user_id", ["teamId"] = "queues",
            ["queue"] = "queues", ["startedAt"] = "contact_started_at", ["handleSeconds"] = "contact_handle_time",
            ["afterCallWorkSeconds"] = "wrap-up_duration",
        },
        Values: new() { ["channel"] = new() { ["*"] = "chat" } },
        TimeFormat: "yyyy-MM-dd HH:mm:ss", TimeZone: "UTC", DurationUnit: "days");

    /// <summary>The per-call log of the Technion "Anonymous Bank" call centre (Guedj and Mandelbaum, 1999): one
    /// tab-separated record per call, times of day local to Israel, durations in whole seconds.</summary>
    /// <remarks>Layout documented with the data (see README, "A real public call log"). The service type is the queue;
    /// the log has no teams, so every agent counts in one team, <c>bank</c>. HANG is abandoned (from the VRU or the
    /// queue); the short-abandon threshold separates hang-ups before queueing.</remarks>
    public static readonly ImportProfile AnonymousBank = new("Technion Anonymous Bank call log (1999)",
        new()
        {
            ["interactionId"] = "{vru+line}-{call_id}", ["queue"] = "type", ["agentId"] = "server", ["startedAt"] = "{date} {vru_entry}",
            ["waitSeconds"] = "q_time", ["handleSeconds"] = "ser_time", ["outcome"] = "outcome",
        },
        Constants: new() { ["channel"] = "call", ["teamId"] = "bank" },
        Values: new() { ["outcome"] = new() { ["AGENT"] = "handled", ["HANG"] = "abandoned" } },
        TimeFormat: "yyMMdd H:mm:ss", TimeZone: "Asia/Jerusalem");

    /// <summary>Every shipped profile by id.</summary>
    public static readonly IReadOnlyDictionary<string, ImportProfile> ById = new Dictionary<string, ImportProfile>(StringComparer.Ordinal)
    {
        ["generic"] = Generic, ["amazon-connect"] = AmazonConnect, ["talkdesk-messaging"] = TalkdeskMessaging,
        ["anonymous-bank"] = AnonymousBank,
    };
}

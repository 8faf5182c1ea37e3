using System.Text;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Ingestion;
using QmInsights.Domain.Ingestion.Profiles;

namespace QmInsights.Tests.Ingestion;

/// <summary>Exports in their own layout, read through an import profile.</summary>
public sealed class ImportProfileTests
{
    private static async Task<List<ParsedRecord<Interaction>>> Read(string csv, ImportProfile profile)
    {
        var records = new List<ParsedRecord<Interaction>>();
        await foreach (var r in new FactReader<Interaction>(FactShapes.Interaction, profile).Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), BodyFormat.Csv))
            records.Add(r);
        return records;
    }

    [Fact]
    public async Task A_realistic_export_with_decimal_and_clock_durations_abandons_and_local_times_imports_without_rejections()
    {
        var profile = ShippedProfiles.Generic with { TimeZone = "Europe/Oslo", TimeFormat = "dd.MM.yyyy HH:mm:ss" };
        const string csv = """
            interaction_id,channel,agent_id,team_id,queue,started_at,handle_time,wrap_up_time,wait_time,outcome,first_contact_resolution
            c1,Voice,a1,t1,billing,29.03.2026 00:30:00,998.7,00:00:30,12.5,answered,yes
            c2,webchat,a2,t1,billing,29.03.2026 03:15:00,00:16:38.5,,PT45S,,no
            c3,voice,,,billing,29.03.2026 09:00:00,,,00:01:10,abandon,
            c4,phone,a1,t1,support,25.10.2026 02:30:00,0,,0,handled,
            """;
        var records = await Read(csv, profile);
        Assert.All(records, r => Assert.Empty(r.Problems));
        var (c1, c2, c3, c4) = (records[0].Record!, records[1].Record!, records[2].Record!, records[3].Record!);
        // 00:30 Oslo on 29 March is still winter time (+01:00); 03:15 is after the change (+02:00).
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero), c1.StartedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 15, 0, TimeSpan.Zero), c2.StartedAt);
        Assert.Equal((998.7, 30.0, 12.5, true, Channel.Call), (c1.HandleSeconds, c1.AfterCallWorkSeconds!.Value, c1.WaitSeconds!.Value, c1.ResolvedFirstContact!.Value, c1.Channel));
        Assert.Equal((998.5, 45.0, Channel.Chat), (c2.HandleSeconds, c2.WaitSeconds!.Value, c2.Channel));
        Assert.Equal((ContactOutcome.Abandoned, (string?)null, 70.0), (c3.Outcome, c3.AgentId, c3.WaitSeconds!.Value));
        // The repeated 02:30 of the autumn change is read as its first occurrence (summer time).
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), c4.StartedAt);
    }

    [Fact]
    public async Task Wrong_or_unmapped_columns_get_the_contracts_per_record_reasons()
    {
        const string csv = """
            interaction_id,channel,agent_id,team,queue,started_at,handle_time
            c1,fax,a1,t1,q,2026-03-04T10:00:00Z,abc
            """;
        var record = Assert.Single(await Read(csv, ShippedProfiles.Generic));
        Assert.Contains("channel: 'fax' is not one of call, email, chat", record.Problems);
        Assert.Contains("teamId: is missing", record.Problems);
        Assert.Contains(record.Problems, p => p.StartsWith("handleSeconds: 'abc' is not a duration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Amazon_Connect_contact_records_without_an_agent_are_abandoned_contacts()
    {
        const string csv = """
            ContactId,Channel,InitiationTimestamp,Queue.Name,Queue.Duration,Agent.Username,Agent.RoutingProfile.Name,Agent.AgentInteractionDuration,Agent.AfterContactWorkDuration
            6c5b7f1e-0001,VOICE,2026-03-04T10:00:00Z,BasicQueue,14,jdoe,Basic Routing Profile,312,25
            6c5b7f1e-0002,VOICE,2026-03-04T10:01:00Z,BasicQueue,48,,,,
            6c5b7f1e-0003,CHAT,2026-03-04T10:02:00Z,ChatQueue,3,asmith,Chat Profile,611,0
            """;
        var records = await Read(csv, ShippedProfiles.AmazonConnect);
        Assert.All(records, r => Assert.Empty(r.Problems));
        Assert.Equal([ContactOutcome.Handled, ContactOutcome.Abandoned, ContactOutcome.Handled], records.Select(r => r.Record!.Outcome));
        Assert.Equal(("jdoe", "Basic Routing Profile", 312.0, 14.0), (records[0].Record!.AgentId, records[0].Record!.TeamId,
            records[0].Record!.HandleSeconds, records[0].Record!.WaitSeconds!.Value));
        Assert.Equal(Channel.Chat, records[2].Record!.Channel);
    }

    [Fact]
    public async Task Talkdesk_messaging_durations_in_days_and_dhms_are_read()
    {
        const string csv = """
            contact_id,channel_type,contact_started_at,user_id,queues,contact_handle_time,wrap-up_duration
            dc840686,SMS,2022-08-19 07:46:11,620f632c,agents,0d 0h 0m 42s,0.00005787037
            """;
        var record = Assert.Single(await Read(csv, ShippedProfiles.TalkdeskMessaging)).Record!;
        Assert.Equal((42.0, 5.0, Channel.Chat), (record.HandleSeconds, record.AfterCallWorkSeconds!.Value, record.Channel));
        Assert.Equal(new DateTimeOffset(2022, 8, 19, 7, 46, 11, TimeSpan.Zero), record.StartedAt);
    }

    [Fact]
    public void A_profile_names_its_own_problems()
    {
        var profile = new ImportProfile("", new() { ["handleSeconds"] = "{talk" }, DurationUnit: "hours", TimeZone: "Mars/Olympus");
        Assert.Equal(["name: is missing", "fields.handleSeconds: '{talk' is not a column name or a template of {column} names",
            "durationUnit: 'hours' is not one of seconds, milliseconds, minutes, days",
            "timeZone: 'Mars/Olympus' is not a known IANA time zone (e.g. Europe/Oslo, America/New_York, UTC)"], profile.Problems());
        Assert.All(ShippedProfiles.ById.Values, p => Assert.Empty(p.Problems()));
    }
}

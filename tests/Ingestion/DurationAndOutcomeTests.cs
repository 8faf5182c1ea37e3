using System.Text;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Ingestion;

namespace QmInsights.Tests.Ingestion;

/// <summary>Durations and outcomes as real exports give them (contract additions of December 2026).</summary>
public sealed class DurationAndOutcomeTests
{
    private const string Header = "interactionId,channel,agentId,teamId,queue,startedAt,handleSeconds,waitSeconds,outcome\n";

    private static async Task<List<ParsedRecord<Interaction>>> Read(string body, BodyFormat format)
    {
        var records = new List<ParsedRecord<Interaction>>();
        await foreach (var r in new FactReader<Interaction>(FactShapes.Interaction).Read(new MemoryStream(Encoding.UTF8.GetBytes(body)), format))
            records.Add(r);
        return records;
    }

    [Theory]
    [InlineData("998.7", 998.7)]
    [InlineData("1091.0", 1091)]
    [InlineData("0", 0)]
    [InlineData("00:16:38.5", 998.5)]
    [InlineData("1:02:03", 3723)]
    [InlineData("PT16M38.5S", 998.5)]
    [InlineData("pt1h", 3600)]
    [InlineData("12.34567", 12.346)]
    public async Task CSV_durations_may_be_seconds_clock_or_ISO_8601_kept_to_the_millisecond(string cell, double seconds)
    {
        var record = Assert.Single(await Read(Header + $"i1,call,a1,t1,q,2026-03-04T10:00:00Z,{cell},,\n", BodyFormat.Csv));
        Assert.Empty(record.Problems);
        Assert.Equal(seconds, record.Record!.HandleSeconds);
    }

    [Theory]
    [InlineData("""{"handleSeconds":998.7}""", 998.7)]
    [InlineData("""{"handleSeconds":1091.0}""", 1091)]
    [InlineData("""{"handleSeconds":0}""", 0)]
    [InlineData("""{"handleSeconds":0.0004}""", 0)]
    public async Task JSON_durations_are_any_number_of_seconds_at_least_zero(string field, double seconds)
    {
        var json = field.Replace("{", """{"interactionId":"i","channel":"call","agentId":"a","teamId":"t","queue":"q","startedAt":"2026-03-04T10:00:00Z",""");
        var record = Assert.Single(await Read(json, BodyFormat.Ndjson));
        Assert.Empty(record.Problems);
        Assert.Equal(seconds, record.Record!.HandleSeconds);
    }

    [Theory]
    [InlineData("-1", "handleSeconds: -1 must be >= 0")]
    [InlineData("16:38", "handleSeconds: '16:38' is not a duration")]
    [InlineData("00:61:00", "handleSeconds: '00:61:00' is not a duration")]
    [InlineData("PT", "handleSeconds: 'PT' is not an ISO 8601 duration")]
    [InlineData("NaN", "handleSeconds: must be a finite number of seconds")]
    [InlineData("90000", "handleSeconds: 90000 must be <= 86400 seconds")]
    public async Task Wrong_durations_name_the_field(string cell, string problem)
    {
        var record = Assert.Single(await Read(Header + $"i1,call,a1,t1,q,2026-03-04T10:00:00Z,{cell},,\n", BodyFormat.Csv));
        Assert.Null(record.Record);
        Assert.Contains(record.Problems, p => p.StartsWith(problem, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_abandoned_contact_needs_no_agent_team_or_handle_time()
    {
        var records = await Read(Header +
            "i1,call,,,q,2026-03-04T10:00:00Z,,00:00:42.250,abandoned\n" +
            "i2,call,,,q,2026-03-04T10:00:00Z,0,3,shortAbandoned\n" +
            "i3,call,a1,t1,q,2026-03-04T10:00:00Z,300,12,\n", BodyFormat.Csv);
        Assert.All(records, r => Assert.Empty(r.Problems));
        var abandoned = records[0].Record!;
        Assert.Equal((null, null, 0.0, 42.25, ContactOutcome.Abandoned),
            (abandoned.AgentId, abandoned.TeamId, abandoned.HandleSeconds, abandoned.WaitSeconds, abandoned.Outcome));
        Assert.Equal(ContactOutcome.ShortAbandoned, records[1].Record!.Outcome);
        Assert.Equal(ContactOutcome.Handled, records[2].Record!.Outcome);
    }

    [Fact]
    public async Task An_abandoned_contact_naming_an_agent_or_a_handle_time_is_rejected_naming_the_fields()
    {
        var record = Assert.Single(await Read(Header + "i1,call,a1,t1,q,2026-03-04T10:00:00Z,120,30,abandoned\n", BodyFormat.Csv));
        Assert.Null(record.Record);
        Assert.Contains(record.Problems, p => p.StartsWith("agentId: an abandoned contact has no agent", StringComparison.Ordinal));
        Assert.Contains(record.Problems, p => p.StartsWith("teamId: an abandoned contact has no team", StringComparison.Ordinal));
        Assert.Contains(record.Problems, p => p.StartsWith("handleSeconds: an abandoned contact was not handled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_handled_contact_still_needs_its_agent_team_and_handle_time()
    {
        var record = Assert.Single(await Read(Header + "i1,call,,,q,2026-03-04T10:00:00Z,,,handled\n", BodyFormat.Csv));
        Assert.Equal(["agentId: is missing", "teamId: is missing", "handleSeconds: is missing"], record.Problems);
    }

    [Fact]
    public async Task An_unknown_outcome_lists_the_known_ones()
    {
        var record = Assert.Single(await Read(Header + "i1,call,,,q,2026-03-04T10:00:00Z,,,dropped\n", BodyFormat.Csv));
        Assert.Contains("outcome: 'dropped' is not one of handled, abandoned, shortabandoned", record.Problems);
    }

    [Fact]
    public void An_abandon_shorter_than_the_threshold_is_a_short_abandon()
    {
        var contact = new Interaction("i", Channel.Call, null, null, "q", DateTimeOffset.UnixEpoch, 0, null, 4.9, null, ContactOutcome.Abandoned);
        Assert.Equal(ContactOutcome.ShortAbandoned, contact.OutcomeWith(5));
        Assert.Equal(ContactOutcome.Abandoned, contact.OutcomeWith(4.9));
        Assert.Equal(ContactOutcome.Abandoned, (contact with { WaitSeconds = null }).OutcomeWith(5));
    }
}

using System.Text;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Ingestion;

namespace QmInsights.Tests.Ingestion;

public sealed class FactReaderTests
{
    private static async Task<List<ParsedRecord<T>>> Read<T>(RecordShape<T> shape, string body, BodyFormat format,
        FactReader<T>? reader = null) where T : class
    {
        reader ??= new FactReader<T>(shape);
        var records = new List<ParsedRecord<T>>();
        await foreach (var r in reader.Read(new MemoryStream(Encoding.UTF8.GetBytes(body)), format)) records.Add(r);
        return records;
    }

    [Fact]
    public async Task CSV_cells_may_hold_commas_doubled_quotes_and_line_breaks()
    {
        const string csv = "evaluationId,interactionId,agentId,evaluatorId,scorecardId,kind,evaluatedAt,answers,comment\r\n" +
                           "e1,i1,a1,q1,sc,regular,2026-03-04T10:00:00Z,greet=yes;close=na,\"Said \"\"sorry\"\", then,\nclosed\"\r\n";
        var record = Assert.Single(await Read(FactShapes.Evaluation, csv, BodyFormat.Csv)).Record!;
        Assert.Equal("Said \"sorry\", then,\nclosed", record.Comment);
        Assert.Equal([new ItemResponse("close", ItemAnswer.NotApplicable), new ItemResponse("greet", ItemAnswer.Yes)], record.Answers);
    }

    [Fact]
    public async Task A_CSV_header_without_a_required_column_is_a_malformed_body_naming_the_column()
    {
        var e = await Assert.ThrowsAsync<MalformedBodyException>(() =>
            Read(FactShapes.Survey, "answeredAt,csat\n2026-03-04T10:00:00Z,5\n", BodyFormat.Csv));
        Assert.Contains("interactionId", e.Message);
    }

    [Fact]
    public async Task A_CSV_row_with_the_wrong_number_of_cells_is_rejected_alone()
    {
        const string csv = "interactionId,answeredAt,csat\ni1,2026-03-04T10:00:00Z,5\ni2,2026-03-04T10:00:00Z\ni3,2026-03-04T10:00:00Z,4\n";
        var records = await Read(FactShapes.Survey, csv, BodyFormat.Csv);
        Assert.Equal([true, false, true], records.Select(r => r.Record is not null));
        Assert.Contains("has 2 cells but the header has 3 columns", records[1].Problems.Single());
    }

    [Theory]
    [InlineData("""{"interactionId":"i","answeredAt":"2026-03-04T10:00:00Z"}""", "csat: a survey needs csat (1-5) or nps (0-10) or both")]
    [InlineData("""{"interactionId":"i","answeredAt":"2026-03-04T10:00:00Z","csat":6}""", "csat: 6 must be <= 5")]
    [InlineData("""{"interactionId":"i","answeredAt":"2026-03-04T10:00:00Z","nps":"9"}""", "nps: must be a number, not the string \"9\"")]
    [InlineData("""{"interactionId":"i","answeredAt":"2026-03-04T10:00:00Z","csat":4.5}""", "csat: 4.5 must be a whole number")]
    [InlineData("""{"answeredAt":"2026-03-04T10:00:00Z","csat":4}""", "interactionId: is missing")]
    [InlineData("""{"interactionId":"i","answeredAt":"2026-03-04 10:00","csat":4}""", "answeredAt: '2026-03-04 10:00' has no UTC offset")]
    public async Task Survey_field_problems_name_the_field(string json, string problem)
    {
        var record = Assert.Single(await Read(FactShapes.Survey, json, BodyFormat.Ndjson));
        Assert.Null(record.Record);
        Assert.Contains(record.Problems, p => p.StartsWith(problem, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Times_with_an_offset_are_stored_as_UTC()
    {
        var record = Assert.Single(await Read(FactShapes.Survey,
            """{"interactionId":"i","answeredAt":"2026-03-04T10:00:00+02:00","csat":4}""", BodyFormat.Json)).Record!;
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero), record.AnsweredAt);
        Assert.Equal(TimeSpan.Zero, record.AnsweredAt.Offset);
    }

    [Fact]
    public async Task Evaluation_answers_other_than_yes_no_na_are_named()
    {
        var record = Assert.Single(await Read(FactShapes.Evaluation,
            """{"evaluationId":"e","interactionId":"i","agentId":"a","evaluatorId":"q","scorecardId":"s","kind":"regular","evaluatedAt":"2026-03-04T10:00:00Z","answers":{"greet":"maybe"}}""",
            BodyFormat.Json));
        Assert.Equal("answers.greet: 'maybe' is not one of yes, no, na", Assert.Single(record.Problems));
        Assert.Equal("e", record.Id);
    }

    [Fact]
    public async Task Evaluations_carry_selection_and_inclusion_probability_defaulting_to_random()
    {
        const string head = """{"evaluationId":"e","interactionId":"i","agentId":"a","evaluatorId":"q","scorecardId":"s","kind":"regular","evaluatedAt":"2026-03-04T10:00:00Z","answers":{"greet":"yes"}""";
        var records = await Read(FactShapes.Evaluation, string.Join('\n',
            head + "}",
            head + ""","selection":"targeted","inclusionProbability":1}""",
            head + ""","selection":"random","inclusionProbability":0.02}""",
            head + ""","selection":"sampled","inclusionProbability":0}"""), BodyFormat.Ndjson);
        Assert.Equal((EvaluationSelection.Random, (double?)null), (records[0].Record!.Selection, records[0].Record!.InclusionProbability));
        Assert.Equal((EvaluationSelection.Targeted, (double?)1), (records[1].Record!.Selection, records[1].Record!.InclusionProbability));
        Assert.Equal((EvaluationSelection.Random, (double?)0.02), (records[2].Record!.Selection, records[2].Record!.InclusionProbability));
        Assert.Equal(["selection: 'sampled' is not one of random, targeted, dispute", "inclusionProbability: 0 must be above 0 and at most 1"],
            records[3].Problems);
    }

    [Fact]
    public async Task Unknown_fields_are_dropped_and_reported()
    {
        var reader = new FactReader<Survey>(FactShapes.Survey);
        var records = await Read(FactShapes.Survey,
            """
            {"interactionId":"i1","answeredAt":"2026-03-04T10:00:00Z","csat":4,"customerEmail":"x@example.com"}
            {"interactionId":"i2","answeredAt":"2026-03-04T10:00:00Z","nps":9,"freeText":"call me"}
            """, BodyFormat.Ndjson, reader);
        Assert.All(records, r => Assert.NotNull(r.Record));
        Assert.Equal(["customerEmail", "freeText"], reader.IgnoredFields);
    }

    [Fact]
    public async Task A_100k_record_NDJSON_body_streams_through_without_being_read_ahead()
    {
        const int count = 100_000;
        var reader = new FactReader<Interaction>(FactShapes.Interaction);
        var body = new GeneratedBody(count);
        var seen = 0;
        long mostAhead = 0;
        await foreach (var r in reader.Read(body, BodyFormat.Ndjson))
        {
            Assert.NotNull(r.Record);
            seen++;
            // Bytes the reader has pulled from the body beyond the records it has handed out.
            mostAhead = Math.Max(mostAhead, body.BytesServed - (long)seen * body.LineLength);
        }
        Assert.Equal(count, seen);
        Assert.Equal((long)count * body.LineLength, body.BytesServed); // about 16 MB
        Assert.True(mostAhead < 256 * 1024, $"the reader ran {mostAhead:N0} bytes ahead of its records");
    }

    [Fact]
    public async Task A_JSON_array_is_read_record_by_record_across_buffer_boundaries()
    {
        var body = "[" + string.Join(",", Enumerable.Range(0, 20_000).Select(i =>
            $$"""{"interactionId":"i{{i}}","answeredAt":"2026-03-04T10:00:00Z","csat":{{i % 5 + 1}}}""")) + "]";
        var records = await Read(FactShapes.Survey, body, BodyFormat.Json);
        Assert.Equal(20_000, records.Count);
        Assert.Equal(Enumerable.Range(0, 20_000), records.Select(r => r.Position));
        Assert.All(records, r => Assert.NotNull(r.Record));
    }

    /// <summary>An NDJSON body produced on the fly, never materialised; every line has the same length.</summary>
    private sealed class GeneratedBody(int records) : ReadOnlyStream
    {
        private int _next;

        public long BytesServed { get; private set; }

        public int LineLength { get; } = Line(0).Length;

        private static byte[] Line(int n) => Encoding.UTF8.GetBytes(
            $$"""{"interactionId":"i{{n:000000}}","channel":"call","agentId":"a{{n % 50:00}}","teamId":"t1","queue":"q","startedAt":"2026-03-04T10:00:00Z","handleSeconds":{{n % 900,3}}}""" + "\n");
        private byte[] _line = [];
        private int _offset;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset == _line.Length)
            {
                if (_next == records) return 0;
                _line = Line(_next);
                _offset = 0;
                _next++;
            }
            var n = Math.Min(count, _line.Length - _offset);
            Array.Copy(_line, _offset, buffer, offset, n);
            _offset += n;
            BytesServed += n;
            return n;
        }
    }
}

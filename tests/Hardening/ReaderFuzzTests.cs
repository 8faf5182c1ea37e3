using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using QmInsights.Domain.Ingestion;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Hardening;

/// <summary>Findings 4 and 6: random and mutated bodies for the JSON, NDJSON and CSV readers. A reader either hands out
/// records (each valid or with its problems) or stops with <see cref="MalformedBodyException"/>; nothing else, and never
/// hangs. Through the API every answer is a 4xx or 200 with a batch report. Fixed seeds and a fixed time budget.</summary>
public sealed class ReaderFuzzTests(HostFixture host) : IClassFixture<HostFixture>
{
    /// <summary>Generous for bodies of a few kilobytes (they take milliseconds); a quadratic or looping reader misses it.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    private const string Header = "interactionId,channel,agentId,teamId,queue,startedAt,handleSeconds,resolvedFirstContact";

    private static string Json(int i) =>
        $$"""{"interactionId":"fz-{{i}}","channel":"call","agentId":"fz-a{{i % 3}}","teamId":"fz-t","queue":"q","startedAt":"2026-03-0{{1 + i % 9}}T09:00:00Z","handleSeconds":{{100 + i}},"resolvedFirstContact":true}""";

    private static string Csv(int i) => $"fz-{i},call,fz-a{i % 3},fz-t,q,2026-03-0{1 + i % 9}T09:00:00Z,{100 + i},true";

    private static byte[] Seed(BodyFormat format, int records) => Encoding.UTF8.GetBytes(format switch
    {
        BodyFormat.Json => "[" + string.Join(",", Enumerable.Range(0, records).Select(Json)) + "]",
        BodyFormat.Ndjson => string.Join("\n", Enumerable.Range(0, records).Select(Json)),
        _ => Header + "\n" + string.Join("\n", Enumerable.Range(0, records).Select(Csv)) + "\n",
    });

    private static readonly byte[] Interesting = "\"\\,;{}[]:\n\r\t 0-9eE+.".Select(c => (byte)c).Concat(new byte[] { 0, 0x1b, 0x7f, 0x80, 0xC3, 0xE2, 0xF0, 0xFF, 0xEF, 0xBB, 0xBF }).ToArray();

    /// <summary>One of: random bytes, random interesting bytes, or a seed with a few flips, inserts, deletions, a cut or a
    /// repeated slice.</summary>
    private static byte[] Body(Random random, BodyFormat format)
    {
        switch (random.Next(10))
        {
            case 0: return Enumerable.Range(0, random.Next(0, 400)).Select(_ => (byte)random.Next(256)).ToArray();
            case 1: return Enumerable.Range(0, random.Next(0, 400)).Select(_ => Interesting[random.Next(Interesting.Length)]).ToArray();
        }
        var body = Seed(format, random.Next(1, 12)).ToList();
        for (var m = random.Next(1, 6); m > 0 && body.Count > 0; m--)
        {
            var at = random.Next(body.Count);
            switch (random.Next(5))
            {
                case 0: body[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: body.Insert(at, Interesting[random.Next(Interesting.Length)]); break;
                case 2: body.RemoveRange(at, Math.Min(body.Count - at, random.Next(1, 20))); break;
                case 3: body.RemoveRange(at, body.Count - at); break;
                default:
                    var length = Math.Min(body.Count - at, random.Next(1, 60));
                    body.InsertRange(random.Next(body.Count), body.GetRange(at, length));
                    break;
            }
        }
        return [.. body];
    }

    private static async Task<int> ReadAll(byte[] body, BodyFormat format)
    {
        var records = 0;
        try
        {
            await foreach (var parsed in new FactReader<QmInsights.Domain.Facts.Interaction>(FactShapes.Interaction).Read(new MemoryStream(body), format))
            {
                Assert.True(parsed.Record is not null ^ parsed.Problems.Count > 0, "a record is either read or has problems");
                records++;
            }
        }
        catch (MalformedBodyException) { }
        return records;
    }

    [Theory]
    [InlineData(BodyFormat.Json, 1)]
    [InlineData(BodyFormat.Ndjson, 2)]
    [InlineData(BodyFormat.Csv, 3)]
    public async Task Random_and_mutated_bodies_give_records_or_a_malformed_body_and_never_hang(BodyFormat format, int seed)
    {
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var bodies = 0;
        while (clock.Elapsed < Budget || bodies < 50)
        {
            var body = Body(random, format);
            try { await ReadAll(body, format).WaitAsync(HangGuard, TestContext.Current.CancellationToken); }
            catch (Exception e) when (e is not TimeoutException)
            {
                Assert.Fail($"{format} body {bodies} ({Convert.ToBase64String(body)}): {e.GetType().Name}: {e.Message}");
            }
            bodies++;
        }
    }

    [Fact]
    public async Task An_unclosed_quote_followed_by_a_megabyte_of_line_breaks_is_read_in_linear_time()
    {
        // The review's case: a header, a quote and N line breaks took 8 s for 200 kB when each line recounted the row.
        var body = Encoding.UTF8.GetBytes(Header + "\n\"" + new string('\n', 1_000_000));
        Assert.Equal(1, await ReadAll(body, BodyFormat.Csv).WaitAsync(HangGuard, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Through_the_API_every_fuzzed_body_is_answered_with_a_report_and_never_with_a_server_error()
    {
        var random = new Random(4);
        foreach (var (format, type) in new[] { (BodyFormat.Json, "application/json"), (BodyFormat.Ndjson, "application/x-ndjson"), (BodyFormat.Csv, "text/csv") })
            for (var i = 0; i < 25; i++)
            {
                var body = Body(random, format);
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
                using var response = await host.Http.PostAsync("/api/interactions", content, TestContext.Current.CancellationToken);
                var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                var what = $"{type} body {Convert.ToBase64String(body)}: {(int)response.StatusCode} {text}";
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity
                    or HttpStatusCode.Conflict, what);
                using var answer = JsonDocument.Parse(text);
                var report = response.StatusCode == HttpStatusCode.OK ? answer.RootElement : answer.RootElement.GetProperty("report");
                Assert.True(report.TryGetProperty("accepted", out _), what);
            }
    }
}

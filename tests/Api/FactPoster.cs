using System.Net.Http.Headers;
using System.Text.Json;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Ingestion;

namespace QmInsights.Tests.Api;

/// <summary>Posts a mixed list of facts through the HTTP API as NDJSON, one request per kind, and sums the answers.</summary>
public static class FactPoster
{
    public static async Task<(long Accepted, long Duplicates, List<string> Rejected)> Post(HttpClient http, IReadOnlyList<object> facts)
    {
        long accepted = 0, duplicates = 0;
        var rejected = new List<string>();
        foreach (var (path, kind) in new (string, Type)[] { ("/api/interactions", typeof(Interaction)), ("/api/surveys", typeof(Survey)), ("/api/evaluations", typeof(Evaluation)) })
        {
            var ofKind = facts.Where(f => f.GetType() == kind).ToList();
            if (ofKind.Count == 0) continue;
            using var response = await http.PostAsync(path, Ndjson(ofKind));
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{path}: {(int)response.StatusCode} {text}");
            using var report = JsonDocument.Parse(text);
            accepted += report.RootElement.GetProperty("accepted").GetInt64();
            duplicates += report.RootElement.GetProperty("duplicates").GetInt64() + report.RootElement.GetProperty("superseded").GetInt64();
            rejected.AddRange(report.RootElement.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("reason").GetString()!));
        }
        return (accepted, duplicates, rejected);
    }

    private static HttpContent Ndjson(IEnumerable<object> facts)
    {
        var buffer = new MemoryStream();
        foreach (var fact in facts)
        {
            using (var writer = new Utf8JsonWriter(buffer))
                switch (fact)
                {
                    case Interaction i: ContractJson.Write(writer, i); break;
                    case Survey s: ContractJson.Write(writer, s); break;
                    case Evaluation e: ContractJson.Write(writer, e); break;
                }
            buffer.WriteByte((byte)'\n');
        }
        buffer.Position = 0;
        var content = new StreamContent(buffer);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return content;
    }
}

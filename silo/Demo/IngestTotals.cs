using System.Text.Json;

namespace QmInsights.Silo.Demo;

/// <summary>Sums of the batch reports the API answered.</summary>
public sealed class IngestTotals
{
    public long Accepted { get; private set; }
    public long Duplicates { get; private set; }
    public long Rejected { get; private set; }
    public List<string> FirstRejections { get; } = new();
    public TimeSpan Elapsed { get; set; }
    public long Submitted => Accepted + Duplicates + Rejected;

    public double RecordsPerSecond => Elapsed.TotalSeconds > 0 ? Submitted / Elapsed.TotalSeconds : 0;

    /// <summary>Adds one batch report; <paramref name="offset"/> is the position of the batch's first record in the
    /// whole submission, so a rejection is named by its place there.</summary>
    public void Add(JsonElement report, long offset = 0)
    {
        Accepted += report.GetProperty("accepted").GetInt64();
        Duplicates += report.GetProperty("duplicates").GetInt64() + report.GetProperty("superseded").GetInt64();
        var rejected = report.GetProperty("rejected");
        Rejected += rejected.GetArrayLength();
        foreach (var r in rejected.EnumerateArray().Take(Math.Max(0, 5 - FirstRejections.Count)))
            FirstRejections.Add($"#{offset + r.GetProperty("position").GetInt64()}: {r.GetProperty("reason").GetString()}");
    }
}

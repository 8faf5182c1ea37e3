using System.Diagnostics;

namespace QmInsights.Silo.Bench;

/// <summary>Percentiles of repeated calls, measured one at a time after a warm-up.</summary>
public sealed record Latency(int Samples, double P50, double P99)
{
    public static async Task<Latency> Measure<T>(IReadOnlyList<T> keys, int rounds, Func<T, Task> call)
    {
        foreach (var key in keys.Take(10)) await call(key);
        var samples = new List<double>(keys.Count * rounds);
        for (var r = 0; r < rounds; r++)
            foreach (var key in keys)
            {
                var clock = Stopwatch.StartNew();
                await call(key);
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }
        samples.Sort();
        return new Latency(samples.Count, samples[samples.Count / 2], samples[Math.Min(samples.Count - 1, (int)(samples.Count * 0.99))]);
    }
}

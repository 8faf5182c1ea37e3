using System.Diagnostics;
using System.Globalization;

namespace QmInsights.Silo.Demo;

/// <summary>Measures summary query latency through the HTTP API (client side, so it includes HTTP and JSON).</summary>
public static class QueryLatency
{
    public static async Task<string> Measure(HttpClient http, IReadOnlyList<string> paths, int rounds)
    {
        var samples = new List<double>(paths.Count * rounds);
        foreach (var path in paths.Take(5)) await http.GetStringAsync(path); // warm-up: JIT and connection
        for (var r = 0; r < rounds; r++)
            foreach (var path in paths)
            {
                var clock = Stopwatch.StartNew();
                await http.GetStringAsync(path);
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }
        samples.Sort();
        double At(double q) => samples[Math.Min(samples.Count - 1, (int)(q * samples.Count))];
        return string.Create(CultureInfo.InvariantCulture,
            $"{samples.Count:N0} queries: p50 {At(0.50):F2} ms, p99 {At(0.99):F2} ms, max {samples[^1]:F2} ms");
    }
}

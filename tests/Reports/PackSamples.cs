using QmInsights.Reports.Pack;

namespace QmInsights.Tests.Reports;

/// <summary>A complete pack's data with made-up figures, for layout tests.</summary>
public static class PackSamples
{
    public static MonthlyPackData Full(int teams = 12)
    {
        var random = new Random(3);
        var trend = Enumerable.Range(0, 12).Select(i => new MonthPoint(new DateOnly(2025, 1, 1).AddMonths(i).ToString("yyyy-MM"),
            80 + random.NextDouble() * 6, 74 + random.NextDouble() * 8, 20 + random.NextDouble() * 15, 330 + random.NextDouble() * 60)).ToList();
        return new MonthlyPackData("2025-12", "whole centre", null, new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero),
            Kpis(812, 83.4), Kpis(790, 82.1), trend,
            Enumerable.Range(1, teams).Select(t => new LeagueRow($"team-{t:00}", 60 + t, 78 + random.NextDouble() * 10, 78 + random.NextDouble() * 10,
                70 + random.NextDouble() * 10, 15 + random.NextDouble() * 20, 300 + random.NextDouble() * 100, 0.6 + random.NextDouble() * 0.2)).ToList(),
            Enumerable.Range(1, 16).Select(i => new ItemPassRate($"item-{i:00}", $"Scorecard item number {i} with a fairly long description that wraps", i % 5 == 0,
                800, 200 - i * 11, 1 - (200 - i * 11) / 800.0)).ToList(),
            [
                new ConflictLine("Offers an additional product (upsell) lowers CSAT", "-0.42 CSAT points per contact (95% CI -0.55 to -0.29, n 4,210)",
                    "Contacts where the agent offered an additional product, as the scorecard rewards, got lower CSAT answers than comparable contacts where it was not offered.", null),
                new ConflictLine("Offers an additional product (upsell) adds handle time", "+231 s per contact (95% CI 210 to 252, n 4,410)",
                    "The item adds almost four minutes to a call.", "about 9.6 full-time agents a month at this volume"),
            ],
            Enumerable.Range(1, 8).Select(i => new AgentGapLine($"agent-{i:000}", 85 + i, 60 + i, 6, 40, 2.5 - i * 0.6,
                "Upsells more often than the centre (82% vs 51%); upsell lowers CSAT.")).ToList(),
            new CalibrationHealth(42, 81.5,
                [
                    new SessionLine("cal-2025-12-a", new DateOnly(2025, 12, 4), 6, 8, 0.86, 0.71, 0.82, "upsell", [0.64, 0.93]),
                    new SessionLine("cal-2025-12-b", new DateOnly(2025, 12, 18), 5, 7, 0.79, 0.58, 0.66, "empathy"),
                ],
                Enumerable.Range(1, 6).Select(i => new LeniencyLine($"evaluator-{i}", 60 + i, (i - 3) * 1.7, [(i - 3) * 1.7 - 1.2, (i - 3) * 1.7 + 1.2],
                Math.Abs(i - 3) >= 2 ? (i > 3 ? "lenient" : "severe") : "in line")).ToList()),
            Enumerable.Range(1, teams).Select(t => new CoverageRow($"team-{t:00}", 14, 40 + t, 56, (40 + t) / 56.0)).ToList(),
            new PeakForecast("billing", "call", 41_250, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 14), new DateOnly(2026, 1, 5), false,
                0.8, 20, 0.3,
                Enumerable.Range(9, 6).Select(h => new PeakInterval(new DateTimeOffset(2026, 1, 5, h, 0, 0, TimeSpan.Zero), 120 + 10 * h, 100 + 10 * h,
                    140 + 10 * h, 380, 350, 420, 16 + h, 23 + h, h == 12 ? 0.78 : 0.83)).ToList(),
                4, 17.4, 9.8, 14.1, 6.2, 8.9),
            new QueueMonth(20, 5,
            [
                new QueueLine("billing", 12_400, 11_900, 500, 80, 500 / 12_400.0, 0.812, 18.4, 371.2),
                new QueueLine("sales", 6_100, 5_980, 120, 31, 120 / 6_100.0, 0.874, 12.1, 402.5),
            ]));
    }

    private static PackKpis Kpis(long evaluations, double qa) =>
        new(evaluations, qa, [qa - 0.8, qa + 0.8], 85, 0.41, 77.2, 3020, 24.5, 2900, 371.4, 0.712, 68_000, 800, 200);
}

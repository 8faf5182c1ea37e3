using System.Globalization;

namespace QmInsights.Reports.Pack;

/// <summary>The three to five things an executive should know about the month, for page one: each one sentence with
/// its number and its direction, drawn only from figures the pack already shows. Decisions and risks come first
/// (the QA target, a conflicting target, the biggest mover, evaluation coverage), then customer figures, the next
/// peak and the item that loses most points.</summary>
public static class ExecutiveHighlights
{
    /// <summary>At most this many sentences: page one must stay readable at a glance.</summary>
    public const int Most = 5;

    /// <summary>The sentences, most important first.</summary>
    public static IReadOnlyList<string> Of(MonthlyPackData data)
    {
        // "January 2026", not "Jan 26", which reads as a day.
        var before = data.Previous is null ? null : Format.MonthName(Sections.SummarySection.PreviousMonth(data.Month));
        string?[] candidates =
        [
            Qa(data.Current, data.Previous, before),
            data.Conflicts.FirstOrDefault() is { } c ? $"Decision needed: {Lower(c.Title)}, {c.Effect}{(c.Cost is null ? "" : "; " + Lower(c.Cost.TrimEnd('.')))}." : null,
            Mover(data, before),
            Coverage(data),
            Customers(data.Current, data.Previous, before),
            data.Forecast is { } f && f.Busiest.Count > 0
                ? $"Next peak {f.Day.ToString("ddd d MMM", CultureInfo.InvariantCulture)} ({f.Queue} {f.Channel}): {f.Busiest.Max(i => i.AgentsScheduled)} agents to schedule at the busiest hour, up from {f.Busiest.Min(i => i.AgentsScheduled)} at the quietest of its busy hours."
                : null,
            data.Items.Where(i => i.PassRate is not null && i.Failed > 0).OrderBy(i => i.PassRate).FirstOrDefault() is { } item
                ? $"The item that fails most is {item.ItemId}{(item.Critical ? " (critical)" : "")}: passed in {Format.Share(item.PassRate)} of {Format.Count(item.Answered)} answers."
                : null,
        ];
        return candidates.OfType<string>().Take(Most).ToList();
    }

    private static string? Qa(PackKpis k, PackKpis? p, string? before)
    {
        if (k.QaScore is not { } qa) return null;
        var change = Direction(qa, p?.QaScore, "points", before);
        var target = k.TargetPercent is not { } t ? ""
            : k.QaScoreCi95 is { } ci && ci[0] >= t ? $"; above its target of {t:F0} with 95% confidence"
            : k.QaScoreCi95 is { } c && c[1] < t ? $"; below its target of {t:F0} even at the top of its 95% interval ({Format.Number(c[1])})"
            : $"; not distinguishable from its target of {t:F0} at 95% confidence";
        return $"QA score {Format.Number(qa)}, {change}{target}.";
    }

    private static string? Mover(MonthlyPackData data, string? before)
    {
        var mover = data.League.Where(r => r.QaScore is not null && r.PreviousQaScore is not null)
            .OrderByDescending(r => Math.Abs(r.QaScore!.Value - r.PreviousQaScore!.Value)).ThenBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault();
        if (mover is null || before is null) return null;
        var who = data.TeamId is null ? "team" : "agent";
        return $"Biggest QA move of any {who}: {mover.Name} at {Format.Number(mover.QaScore)}, {Direction(mover.QaScore!.Value, mover.PreviousQaScore, "points", before)}.";
    }

    private static string? Coverage(MonthlyPackData data)
    {
        var k = data.Current;
        if (k.Quota is not { } quota || quota <= 0) return null;
        var share = 100.0 * k.Evaluations / quota;
        var behind = data.Coverage.Count(c => c.Coverage < 0.8);
        var teams = data.Coverage.Count == 0 ? "" : behind == 0 ? "; every team reached 80% of its quota" : $"; {behind} of {data.Coverage.Count} teams are below 80% of theirs";
        return $"Evaluations at {share:F0}% of the cadence quota ({Format.Count(k.Evaluations)} of {Format.Count(quota)}), {(share >= 100 ? "on" : "behind")} plan{teams}.";
    }

    private static string? Customers(PackKpis k, PackKpis? p, string? before)
    {
        if (k.Csat is not { } csat) return null;
        var nps = k.Nps is { } n ? $"; NPS {Format.Signed(n, 0)}, {Direction(n, p?.Nps, "", before, 0)}" : "";
        return $"CSAT {Format.Percent(csat)} of answers 4-5, {Direction(csat, p?.Csat, "points", before)}{nps}.";
    }

    /// <summary>"up 1.2 points since January 2026", "down 3 since ...", "unchanged since ...", or "no previous month to compare".</summary>
    private static string Direction(double now, double? previous, string unit, string? before, int decimals = 1)
    {
        if (previous is not { } b || before is null) return "no previous month to compare";
        var delta = Math.Round(now - b, decimals);
        var size = Math.Abs(delta).ToString("F" + decimals, CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : "");
        return delta == 0 ? $"unchanged since {before}" : $"{(delta > 0 ? "up" : "down")} {size} since {before}";
    }

    private static string Lower(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}

using System.Diagnostics;
using QmInsights.Grains.Telemetry;
using QmInsights.Domain.Access;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Analytics;
using QmInsights.Domain.Calibration;
using QmInsights.Domain.Periods;
using QmInsights.Grains.Analytics;
using QmInsights.Grains.Calibration;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Queues;
using QmInsights.Grains.Live;
using QmInsights.Reports.Pack;
using QmInsights.Storage;

namespace QmInsights.Grains.Reports;

/// <summary>Gathers a month's pack data from the services behind the API's endpoints (summaries, scorecard items,
/// insights, leniency, cadence), so the PDF shows the API's numbers, and renders it.</summary>
public sealed class MonthlyPackService(IGrainFactory grains, CentreService centre, InsightsService insights,
    CadenceService cadence, CalibrationService calibration, IPackArchive archive, QueueService queues,
    EngineMetrics metrics)
{
    private const int TrendMonths = 12, DisagreeingAgents = 10;

    /// <summary>Leniency compares evaluators over the month and the two before it: with about four evaluations per agent a
    /// month, one month's simultaneous intervals are about ±17 QA points and found a planted 10-point severe evaluator in 5
    /// of 40 cases; three months': about ±9, 24 of 40 (<c>LeniencyCoverageTests</c>).</summary>
    private const int LeniencyMonths = 3;

    /// <summary>The pack's data, or null when the month has no contacts and no evaluations in that scope.</summary>
    public async Task<MonthlyPackData?> Gather(PackMonth month, string? teamId, DateTimeOffset now, IProgress<string>? progress = null)
    {
        var (from, to) = (month.First, month.Last);
        progress?.Report("the month's summary");
        var current = await Summary(teamId, from, to);
        if (current.Evaluations == 0 && current.Interactions == 0) return null;
        progress?.Report("the month's evaluated contacts");
        // Gathered once: the items, the insights and the disagreeing agents all read them (leniency reads three months).
        var contacts = await insights.Contacts(from, to, teamId);
        // The forecast is per queue, not per team (centre pack only); it trains for seconds when not kept (trained ahead or
        // by an earlier pack), so it runs while the other figures are gathered.
        var nextPeak = teamId is null ? grains.GetGrain<IPackOutlookGrain>(month.ToString()).Get("pack") : Task.FromResult<PeakForecast?>(null);
        progress?.Report("previous month's and trend summaries");
        var previous = await Summary(teamId, month.Previous.First, month.Previous.Last);
        var trendFrom = month.First.AddMonths(1 - TrendMonths);
        var trend = await Summary(teamId, trendFrom, to);

        progress?.Report("coverage");
        // The configured policy, as /api/cadence uses: the pack's quota is the API's.
        var plan = await cadence.Plan(to, teamId, await grains.GetGrain<ICadencePolicyGrain>("policy").Get());
        var quota = plan.Teams.Sum(t => t.Quota);
        var agents = plan.Teams.Sum(t => t.Agents);

        progress?.Report("teams");
        var league = await League(teamId, from, to, month.Previous);
        progress?.Report("scorecard items");
        var items = teamId is null ? await Items(contacts, from, to) : [];
        progress?.Report("conflicting metrics and disagreeing agents");
        // One gathering of the month's rows serves both the conflicts and the disagreeing agents.
        var (report, gaps) = await insights.AnalyseWithDisagreement(contacts, from, to, teamId, DisagreeingAgents, new InsightOptions(TrainModels: false));
        progress?.Report("evaluator leniency");
        var leniencyFrom = month.First.AddMonths(1 - LeniencyMonths);
        var leniency = EvaluatorLeniency.Estimate(await insights.Contacts(leniencyFrom, to, teamId));
        progress?.Report("calibration sessions");
        // Sessions are the centre's (evaluators calibrate across teams): team packs leave them out.
        var sessions = teamId is null ? await Sessions(month) : [];
        progress?.Report("queue figures");
        // Queues are the centre's, not a team's: team packs leave them out.
        var queueMonth = teamId is null ? await Queues(from, to) : null;
        if (teamId is null) progress?.Report("next peak forecast");
        var peak = await nextPeak;

        return new MonthlyPackData(month.ToString(), teamId is null ? "whole centre" : $"team {teamId}", teamId, now,
            Kpis(current, quota, agents), previous.Evaluations + previous.Interactions > 0 ? Kpis(previous, null, null) : null,
            Enumerable.Range(0, TrendMonths).Select(i => Point(PackMonth.Of(trendFrom.AddMonths(i)), trend.Trend ?? [])).ToList(),
            league, items,
            report.Conflicts.Select(Conflict).ToList(),
            gaps.Select(g => new AgentGapLine(g.AgentId, g.QaScore, g.Csat, g.Evaluations, g.CsatResponses, g.Gap, g.Explanation)).ToList(),
            new CalibrationHealth(current.CalibrationEvaluations, current.CalibrationQaScore, sessions,
                leniency.Select(l => new LeniencyLine(l.EvaluatorId, l.Evaluations, l.Difference, l.Ci95, l.Verdict)).ToList(),
                PackMonth.Of(leniencyFrom).ToString()),
            plan.Teams.Select(t => new CoverageRow(t.Id, t.Agents, t.EvaluationsThisMonth, t.Quota, t.Coverage)).ToList(), peak, queueMonth);
    }

    private async Task<QueueMonth> Queues(DateOnly from, DateOnly to) =>
        new(queues.Thresholds.ServiceLevelSeconds, queues.Thresholds.ShortAbandonSeconds,
            (await queues.Figures(null, from, to, hourly: false)).Select(q => new QueueLine(q.Queue, q.Total.Offered, q.Total.Handled,
                q.Total.Abandoned, q.Total.ShortAbandoned, q.Total.AbandonRate, q.Total.ServiceLevel, q.Total.AsaSeconds, q.Total.AhtSeconds)).ToList());

    /// <summary>The pack as PDF for <paramref name="audience"/>, or null when the month has no data.</summary>
    public async Task<byte[]?> Render(PackMonth month, string? teamId, DateTimeOffset now, IProgress<string>? progress = null,
        PackAudience audience = PackAudience.Full)
    {
        var clock = Stopwatch.StartNew();
        var data = await Gather(month, teamId, now, progress);
        if (data is null) return null;
        progress?.Report("layout");
        var pdf = MonthlyPack.Render(data.For(audience));
        metrics.PackRendered(teamId is null ? "centre" : "team", clock.Elapsed);
        return pdf;
    }

    /// <summary>The month's archived pack for <paramref name="audience"/>, rendered and archived first when there is none yet
    /// or <paramref name="refresh"/> asks for it (<c>Rendered</c> says which); null when the month has no data in that scope.</summary>
    public async Task<(byte[] Pdf, bool Rendered)?> Archived(PackMonth month, string? teamId, bool refresh, DateTimeOffset now,
        PackAudience audience = PackAudience.Full)
    {
        var scope = ArchiveScope(teamId, audience);
        if (!refresh && await archive.Find(month.ToString(), scope) is { } archived) return (archived.Pdf, false);
        if (await Render(month, teamId, now, audience: audience) is not { } pdf) return null;
        await archive.Save(new ArchivedPack(month.ToString(), scope, now, pdf));
        return (pdf, true);
    }

    /// <summary>The pack <paramref name="caller"/> may read: their teams only (team leads), no agent or evaluator named
    /// (executives), re-rendering only for admins and QA managers. Every consumer of packs (the API, subscriptions)
    /// goes through here so the pack always follows the reader's role.</summary>
    public async Task<PackForCaller> ForCaller(Caller caller, PackMonth month, string? teamId, bool refresh, DateTimeOffset now)
    {
        if (AccessRules.PackDenial(caller, teamId, refresh) is { } denial) return new PackForCaller(null, denial);
        return new PackForCaller(await Archived(month, teamId, refresh, now, AudienceOf(caller)) is { } pack ? pack.Pdf : null, null);
    }

    /// <summary>As <see cref="ForCaller"/> (never re-rendering), with the page-one summary for an e-mail's body: one gathering
    /// of the month's figures gives the summary, and the pack too when none is archived yet.</summary>
    public async Task<PackForCaller> WithSummaryForCaller(Caller caller, PackMonth month, string? teamId, DateTimeOffset now)
    {
        if (AccessRules.PackDenial(caller, teamId, refresh: false) is { } denial) return new PackForCaller(null, denial);
        var audience = AudienceOf(caller);
        var clock = Stopwatch.StartNew();
        if (await Gather(month, teamId, now) is not { } data) return new PackForCaller(null, null);
        var view = data.For(audience);
        var scope = ArchiveScope(teamId, audience);
        var pdf = (await archive.Find(month.ToString(), scope))?.Pdf;
        if (pdf is null)
        {
            pdf = MonthlyPack.Render(view);
            metrics.PackRendered(teamId is null ? "centre" : "team", clock.Elapsed);
            await archive.Save(new ArchivedPack(month.ToString(), scope, now, pdf));
        }
        return new PackForCaller(pdf, null, ExecutiveHighlights.Of(view));
    }

    private static PackAudience AudienceOf(Caller caller) => AccessRules.SeesIndividuals(caller.Role) ? PackAudience.Full : PackAudience.Aggregate;

    /// <summary>Where the pack is archived: the pack that names nobody apart, so an executive never gets the archived full pack.</summary>
    private static string ArchiveScope(string? teamId, PackAudience audience) =>
        ArchivedPack.ScopeOf(teamId) + (audience == PackAudience.Aggregate ? "/aggregate" : "");

    /// <summary>The figures /api/centre/summary answers as <c>centre</c> (every team, rostered or only seen in the data),
    /// or one team's as /api/teams/{id}/summary.</summary>
    private async Task<QualityFigures> Summary(string? teamId, DateOnly from, DateOnly to) =>
        teamId is null ? (await centre.Summary(from, to, TrendPeriod.Month, null)).Centre
            : await grains.GetGrain<ITeamGrain>(teamId).GetSummary(from, to, TrendPeriod.Month);

    private static PackKpis Kpis(QualityFigures f, int? quota, int? agents) =>
        new(f.Evaluations, f.QaScore, f.QaScoreCi95, f.TargetPercent, f.AtTargetShare, f.Csat, f.CsatResponses, f.Nps, f.NpsResponses,
            f.AhtSeconds, f.FcrRate, f.Interactions, quota, agents);

    private static MonthPoint Point(PackMonth month, List<QualityFigures> trend)
    {
        var f = trend.FirstOrDefault(t => t.Period == month.ToString());
        return new MonthPoint(month.ToString(), f?.QaScore, f?.Csat, f?.Nps, f?.AhtSeconds);
    }

    /// <summary>The centre's teams, or a team's rostered agents (their agent summaries), this month and the one before.</summary>
    private async Task<List<LeagueRow>> League(string? teamId, DateOnly from, DateOnly to, PackMonth previous)
    {
        IQualityAggregateGrain Grain(string id) => teamId is null ? grains.GetGrain<ITeamGrain>(id) : grains.GetGrain<IAgentGrain>(id);
        var ids = teamId is null ? (await centre.Directory()).Teams.Select(t => t.TeamId).ToList()
            : (await grains.GetGrain<IRosterDirectoryGrain>("roster").All()).Where(r => r.TeamId == teamId).Select(r => r.AgentId).ToList();
        var now = await Task.WhenAll(ids.Select(id => Grain(id).GetSummary(from, to, TrendPeriod.Month)));
        var before = await Task.WhenAll(ids.Select(id => Grain(id).GetSummary(previous.First, previous.Last, TrendPeriod.Month)));
        return ids.Select((id, i) => (Id: id, Now: now[i], Before: before[i]))
            .Where(x => x.Now.Evaluations + x.Now.Interactions > 0)
            .Select(x => new LeagueRow(x.Id, x.Now.Evaluations, x.Now.QaScore, x.Before.QaScore, x.Now.Csat, x.Now.Nps, x.Now.AhtSeconds, x.Now.FcrRate))
            .ToList();
    }

    /// <summary>Item pass rates of the scorecards the month's evaluations used (as <c>/api/scorecards/{id}/items</c>),
    /// versions of an item added up.</summary>
    private async Task<List<ItemPassRate>> Items(List<EvaluatedContact> contacts, DateOnly from, DateOnly to)
    {
        var figures = await Task.WhenAll(contacts.Select(c => c.ScorecardId).Distinct().Order(StringComparer.Ordinal)
            .Select(id => grains.GetGrain<IScorecardGrain>(id).GetItems(from, to)));
        return figures.SelectMany(f => f).GroupBy(i => i.ItemId)
            .Select(g =>
            {
                var (passed, failed) = (g.Sum(i => i.Passed), g.Sum(i => i.Failed));
                var latest = g.MaxBy(i => i.Version)!;
                return new ItemPassRate(g.Key, latest.Text, latest.Critical, g.Sum(i => i.Answered), failed,
                    passed + failed > 0 ? (double)passed / (passed + failed) : null);
            }).ToList();
    }

    /// <summary>The calibration sessions closed in the month, with their results (as <c>/api/calibrations/{id}/results</c>).</summary>
    private async Task<List<SessionLine>> Sessions(PackMonth month)
    {
        var from = new DateTimeOffset(month.First.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var lines = new List<SessionLine>();
        foreach (var id in await grains.GetGrain<ICalibrationDirectoryGrain>("calibrations").ClosedBetween(from, from.AddMonths(1)))
        {
            if (await grains.GetGrain<ICalibrationSessionGrain>(id).Get() is not { ClosedAt: { } closedAt } session) continue;
            var results = await calibration.Results(session);
            lines.Add(new SessionLine(id, DateOnly.FromDateTime(closedAt.UtcDateTime), results.Interactions, results.Evaluators,
                results.Overall.PercentAgreement, results.Overall.KrippendorffAlphaNominal, results.Overall.KrippendorffAlphaInterval,
                results.Items.FirstOrDefault()?.ItemId, results.Overall.KrippendorffAlphaIntervalCi95));
        }
        return lines;
    }

    private static ConflictLine Conflict(MetricConflict c) =>
        new(Capitalised($"{Metric(c.MetricA)} vs {Metric(c.MetricB)}"),
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{c.Effect:+0.00;-0.00} {c.EffectUnit} (95% CI {c.Ci95[0]:0.00} to {c.Ci95[1]:0.00}, n {c.N:N0}, adjusted p {(c.PAdjusted < 0.0001 ? "< 0.0001" : c.PAdjusted.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture))})"),
            c.Explanation, c.Cost);

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Metric(string name) => name switch
    {
        "qaScore" => "QA score",
        "csat" => "CSAT",
        "nps" => "NPS",
        "handleTime" => "handle time",
        "fcr" => "first-contact resolution",
        _ when name.StartsWith("qa:", StringComparison.Ordinal) => $"scorecard item '{name[3..]}'",
        _ => name,
    };
}

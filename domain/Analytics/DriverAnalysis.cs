using System.Globalization;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;

namespace QmInsights.Domain.Analytics;

/// <summary>Relates the QA score and every scorecard item to CSAT, NPS, handle time and FCR, contact by contact, and
/// finds targets that pull against each other. Each outcome gets one regression of the QA score and one of all items
/// together (answered yes vs no, N/A apart), both controlling for channel, queue, team, tenure, evaluator and week,
/// and for the agent (their leave-one-out mean QA for CSAT and NPS, agent fixed effects for handle time and FCR), so
/// an item is not blamed for the channel it mostly appears on, for the items done alongside it or for the agents who
/// do it. Only random picks enter (or all picks weighted by inverse inclusion probability); errors are clustered by
/// agent. All p-values of the run are adjusted together (Benjamini-Hochberg). A second view relates each agent's weekly
/// mean QA score to the week's mean outcomes, in the same family of tests. Everything found is an association: only a
/// controlled change (e.g. an A/B change of the scorecard) would show cause.</summary>
public static class DriverAnalysis
{
    private const string QaDriver = "qaScore";
    private const string HandleDriver = "handleMinutes";

    public const string InteractionLevel = "interaction";
    public const string AgentWeekLevel = "agentWeek";

    /// <summary>What every report says about cause, once.</summary>
    public const string CausationNote =
        "These are associations, not causes: only a controlled change (e.g. an A/B change of the scorecard for some teams) would show what changing an item does.";

    private sealed record Test(string Driver, Outcome Outcome, (double Estimate, double Low, double High, double P)? Fit,
        int N, int? Yes, int? No, string Level = InteractionLevel);

    public static InsightReport Run(IReadOnlyList<EvaluatedContact> contacts, IReadOnlyDictionary<string, DateTimeOffset> hiredAt,
        IReadOnlyDictionary<string, ScorecardItem> items, InsightOptions options, IReadOnlyList<AgentWeek>? weeks = null)
    {
        var sample = InferenceSample.Of(contacts);
        var response = options.WeightSurveyResponse ? SurveyResponse.Fit(sample) : null;
        var context = new DesignContext(hiredAt, contacts, sample, response);
        var tests = new List<Test>();
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            var rows = sample.Rows.Where(c => outcome.Of(c) is not null).ToList();
            tests.AddRange(QaTest(rows, outcome, context, options));
            tests.AddRange(ItemTests(rows, outcome, context, items.Keys, options));
        }
        tests.AddRange(HandleTimeVersusResolution(sample.Rows, context, options));
        if (weeks is not null)
        {
            foreach (var outcome in Outcomes.Measured)
                tests.Add(AgentWeekTest(weeks, QaDriver, w => w.QaScore / 10, outcome, hiredAt, options));
            // Between agents: one contact's length mostly reflects its problem, an agent's week of contacts their style.
            tests.Add(AgentWeekTest(weeks, HandleDriver, w => w.HandleSeconds / 60, Outcome.Fcr, hiredAt, options));
        }

        var fitted = tests.Where(t => t.Fit is not null).ToList();
        var adjusted = BenjaminiHochberg.Adjust(fitted.Select(t => t.Fit!.Value.P).ToList());
        var pAdjusted = fitted.Select((t, i) => (t, adjusted[i])).ToDictionary(p => p.t, p => p.Item2);

        var relationships = tests.Select(t => Describe(t, pAdjusted.GetValueOrDefault(t, double.NaN), items, options)).ToList();
        var conflicts = Conflicts(relationships, items, options);
        var itemIds = items.Keys.Order(StringComparer.Ordinal).ToList();
        var models = options.TrainModels
            ? Outcomes.Measured.Select(o => DriverModel.Train(sample.Rows, o, itemIds, relationships)).OfType<OutcomeModel>().ToList()
            : [];
        return new InsightReport(options, contacts.Count, contacts.Count(c => c.Csat is not null || c.Nps is not null),
            relationships, conflicts, models, sample.Counts, CausationNote, response?.Summary);
    }

    // Handle time and resolution are measured on every evaluated contact: each agent has enough rows to be compared
    // with themselves. Survey answers are too sparse for that; the agent's other evaluations stand in for their skill.
    private static bool AgentEffects(Outcome outcome) => outcome is Outcome.HandleSeconds or Outcome.Fcr;

    private static IEnumerable<Test> QaTest(List<EvaluatedContact> rows, Outcome outcome, DesignContext context, InsightOptions options)
    {
        var scored = rows.Where(r => r.QaScore is not null).ToList();
        if (scored.Count < 2 * options.MinimumPerGroup || scored.Select(r => r.AgentId).Distinct().Count() < 2)
        {
            yield return new Test(QaDriver, outcome, null, scored.Count, null, null);
            yield break;
        }
        var design = new Design(scored, context, AgentEffects(outcome));
        design.Add(QaDriver, r => r.QaScore!.Value / 10); // per 10 QA points
        yield return new Test(QaDriver, outcome, design.Fit(outcome).Effect(QaDriver), scored.Count, null, null);
    }

    private static IEnumerable<Test> ItemTests(List<EvaluatedContact> rows, Outcome outcome, DesignContext context,
        IEnumerable<string> itemIds, InsightOptions options)
    {
        var counts = itemIds.ToDictionary(id => id, id => (Yes: rows.Count(r => Answer(r, id) == ItemAnswer.Yes),
            No: rows.Count(r => Answer(r, id) == ItemAnswer.No), Na: rows.Count(r => Answer(r, id) is ItemAnswer.NotApplicable or null)));
        var testable = counts.Where(c => c.Value.Yes >= options.MinimumPerGroup && c.Value.No >= options.MinimumPerGroup)
            .Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        foreach (var (id, (yes, no, _)) in counts.Where(c => !testable.Contains(c.Key)))
            yield return new Test(id, outcome, null, rows.Count, yes, no);
        if (testable.Count == 0 || rows.Count <= 2 * testable.Count + 20 || rows.Select(r => r.AgentId).Distinct().Count() < 2) yield break;

        var design = new Design(rows, context, AgentEffects(outcome));
        foreach (var id in testable)
        {
            design.Add($"{id}=yes", r => Answer(r, id) == ItemAnswer.Yes ? 1 : 0);
            if (counts[id].Na > 0) design.Add($"{id}=na", r => Answer(r, id) is ItemAnswer.NotApplicable or null ? 1 : 0);
        }
        var model = design.Fit(outcome);
        foreach (var id in testable)
            yield return new Test(id, outcome, model.Effect($"{id}=yes"), rows.Count, counts[id].Yes, counts[id].No);
    }

    // Is a shorter contact resolved less often than the same agent's longer ones? FCR on handle minutes, same
    // controls, within agent (an agent's style is the agent-week view's question).
    private static IEnumerable<Test> HandleTimeVersusResolution(IReadOnlyList<EvaluatedContact> contacts, DesignContext context,
        InsightOptions options)
    {
        var rows = contacts.Where(c => c.ResolvedFirstContact is not null).ToList();
        if (rows.Count < 2 * options.MinimumPerGroup || rows.Select(r => r.AgentId).Distinct().Count() < 2)
        {
            yield return new Test(HandleDriver, Outcome.Fcr, null, rows.Count, null, null);
            yield break;
        }
        var design = new Design(rows, context, agentEffects: true);
        design.Add(HandleDriver, r => r.HandleSeconds / 60.0);
        yield return new Test(HandleDriver, Outcome.Fcr, design.Fit(Outcome.Fcr).Effect(HandleDriver), rows.Count, null, null);
    }

    // Weekly means: QA of the week's evaluations (or the week's mean handle minutes) against every contact's outcome
    // that week. The interaction-level controls that apply to a whole week: team, new hire and tenure at the week's
    // start, the agent's QA level over their other weeks (channel and queue do not: a week mixes them). Errors
    // clustered by agent: an agent's weeks are not independent.
    private static Test AgentWeekTest(IReadOnlyList<AgentWeek> weeks, string driver, Func<AgentWeek, double?> driverValue, Outcome outcome,
        IReadOnlyDictionary<string, DateTimeOffset> hiredAt, InsightOptions options)
    {
        var rows = weeks.Where(w => w.Of(outcome) is not null && driverValue(w) is not null).ToList();
        if (rows.Count < 2 * options.MinimumPerGroup || rows.Select(w => w.AgentId).Distinct().Count() < 2)
            return new Test(driver, outcome, null, rows.Count, null, null, AgentWeekLevel);
        var totals = weeks.GroupBy(w => w.AgentId).ToDictionary(g => g.Key, g => (Sum: g.Sum(w => w.QaScore * w.Evaluations), Count: g.Sum(w => w.Evaluations)));
        double QaOthers(AgentWeek w)
        {
            var (sum, count) = totals[w.AgentId];
            return count > w.Evaluations ? (sum - w.QaScore * w.Evaluations) / (count - w.Evaluations) : w.QaScore;
        }
        var columns = new List<(string Name, Func<AgentWeek, double> Value)> { (driver, w => driverValue(w)!.Value) };
        foreach (var team in rows.Select(w => w.TeamId).Distinct().Order(StringComparer.Ordinal).Skip(1))
            columns.Add(($"team={team}", w => w.TeamId == team ? 1 : 0));
        double TenureDays(AgentWeek w) => hiredAt.TryGetValue(w.AgentId, out var hired)
            ? Math.Max(0, w.WeekStart.DayNumber - DateOnly.FromDateTime(hired.UtcDateTime).DayNumber) : 365;
        columns.Add(("newHire", w => TenureDays(w) < 30 ? 1 : 0));
        columns.Add(("logTenureDays", w => Math.Log(1 + TenureDays(w))));
        columns.Add(("agentQaOthers", QaOthers));
        var model = LinearModel.Fit(rows.Select(w => columns.Select(c => c.Value(w)).ToArray()).ToList(),
            rows.Select(w => w.Of(outcome)!.Value).ToList(), columns.Select(c => c.Name).ToList(), clusters: rows.Select(w => w.AgentId).ToList());
        return new Test(driver, outcome, model.Effect(driver), rows.Count, null, null, AgentWeekLevel);
    }

    private static ItemAnswer? Answer(EvaluatedContact c, string itemId)
    {
        foreach (var a in c.Answers)
            if (a.ItemId == itemId) return a.Answer;
        return null;
    }

    private static Relationship Describe(Test t, double pAdjusted, IReadOnlyDictionary<string, ScorecardItem> items, InsightOptions options)
    {
        var weekly = t.Level == AgentWeekLevel;
        var what = !weekly ? DriverText(t.Driver, items)
            : t.Driver == HandleDriver ? "Agent-weeks: every minute of the week's mean handle time"
            : "Agent-weeks: every 10 points of the week's mean QA score";
        var unitsOf = weekly ? "agent-weeks" : "contacts";
        if (t.Fit is not { } fit)
            return new Relationship(t.Driver, t.Outcome, null, null, t.N, t.Yes, t.No, null, null, "too few observations",
                string.Create(CultureInfo.InvariantCulture,
                    $"{what}: association with {t.Outcome.Name()} not tested, too few observations (n = {t.N} {unitsOf}{Groups(t)}; at least {(weekly ? 2 * options.MinimumPerGroup : options.MinimumPerGroup)} needed{(weekly ? "" : " in each group")})."), t.Level);
        var significant = pAdjusted <= options.FalseDiscoveryRate;
        var ci = Ci(t.Outcome, fit.Low, fit.High);
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"{what} is associated with {(weekly ? t.Outcome.DescribeWeekly(fit.Estimate) : t.Outcome.Describe(fit.Estimate))} ({ci}; n = {t.N}{(weekly ? " agent-weeks" : "")}{Groups(t)}; adjusted p {P(pAdjusted)}){(significant ? "." : $". No effect found at a {options.FalseDiscoveryRate:P0} false discovery rate.")}");
        return new Relationship(t.Driver, t.Outcome, fit.Estimate, [fit.Low, fit.High], t.N, t.Yes, t.No, fit.P, pAdjusted,
            significant ? "effect" : "no effect found", explanation, t.Level);
    }

    // In the units the effect is said in: effects on a rate read as points, so their bounds do too.
    private static string Ci(Outcome outcome, double low, double high) => outcome.IsShare()
        ? string.Create(CultureInfo.InvariantCulture, $"95% CI {low * 100:0.##} to {high * 100:0.##} points")
        : string.Create(CultureInfo.InvariantCulture, $"95% CI {low:0.###} to {high:0.###}");

    // "= 0" would claim certainty: tiny p-values are shown as a bound.
    private static string P(double p) => p < 0.0001 ? "< 0.0001" : string.Create(CultureInfo.InvariantCulture, $"= {p:0.####}");

    private static string Groups(Test t) => t.Yes is { } y ? $", {y} yes / {t.No} no" : "";

    private static string DriverText(string driver, IReadOnlyDictionary<string, ScorecardItem> items) => driver switch
    {
        QaDriver => "Every 10 points of QA score",
        HandleDriver => "Every extra minute of handle time",
        _ => items.TryGetValue(driver, out var item) ? $"'{item.Text}' ({driver}) done rather than not" : $"Item {driver} done rather than not",
    };

    private static List<MetricConflict> Conflicts(List<Relationship> relationships, IReadOnlyDictionary<string, ScorecardItem> items,
        InsightOptions options)
    {
        // Conflicts are read at the interaction level, where items can be told apart; the agent-week view backs it up,
        // except for handle time against resolution, which is a matter of each agent's style.
        var found = relationships.Where(r => r.Verdict == "effect" && (r.Level == InteractionLevel || r.Driver == HandleDriver)).ToList();
        var conflicts = new List<MetricConflict>();
        string? HandleCost(string driver) =>
            found.FirstOrDefault(r => r.Driver == driver && r.Outcome == Outcome.HandleSeconds && r.Effect > 0) is { } h
                ? string.Create(CultureInfo.InvariantCulture, $"+{h.Effect:0} s handle time per contact")
                : null;
        // Too small to matter to a customer, however sure: stated in every explanation so readers know the bar.
        bool Matters(Relationship r) => r.Outcome switch
        {
            Outcome.Csat => Math.Abs(r.Effect!.Value) >= options.MinimumCsatEffect,
            Outcome.Nps => Math.Abs(r.Effect!.Value) >= options.MinimumNpsEffect,
            _ => true,
        };
        // The same driver's effects on the shares behind a mean (satisfied customers behind CSAT; promoters and
        // detractors behind NPS), whatever their verdict: how many customers the mean's change stands for.
        string Shares(Relationship r, string per = "")
        {
            Outcome[] behind = r.Outcome == Outcome.Csat ? [Outcome.CsatTop2Box] : [Outcome.Promoters, Outcome.Detractors];
            var parts = relationships.Where(s => s.Driver == r.Driver && s.Level == r.Level && behind.Contains(s.Outcome) && s.Effect is not null)
                .Select(s => $"{s.Outcome.Describe(s.Effect!.Value)}{per} ({Ci(s.Outcome, s.Ci95![0], s.Ci95[1])})").ToList();
            return parts.Count == 0 ? "" : $" On the same contacts it is associated with {string.Join(" and ", parts)}.";
        }
        string Bar(Outcome o) => o == Outcome.Csat
            ? string.Create(CultureInfo.InvariantCulture, $" (conflicts need at least {options.MinimumCsatEffect:0.##} CSAT points)")
            : string.Create(CultureInfo.InvariantCulture, $" (conflicts need at least {options.MinimumNpsEffect:0.##} NPS points)");

        foreach (var r in found)
        {
            var effect = r.Effect!.Value;
            var rewarded = items.TryGetValue(r.Driver, out var item) && item.EffectivePoints > 0;
            var label = item is null ? r.Driver : $"'{item.Text}'";
            var evidence = string.Create(CultureInfo.InvariantCulture,
                $"{r.Outcome.Describe(effect)}, {Ci(r.Outcome, r.Ci95![0], r.Ci95[1])}, n = {r.N}, adjusted p {P(r.PAdjusted!.Value)}");
            if (rewarded && r.Outcome is Outcome.Csat or Outcome.Nps && effect < 0 && Matters(r))
                conflicts.Add(new MetricConflict($"qa:{r.Driver}", r.Outcome.ToString().ToLowerInvariant(), r.Driver, "opposite",
                    effect, r.Outcome.Unit(), r.Ci95, r.N, r.PAdjusted!.Value, HandleCost(r.Driver),
                    $"The scorecard rewards {label}, and contacts where it was done are associated with lower customer ratings: {evidence}{Bar(r.Outcome)}.{Shares(r)} " +
                    "QA and customer satisfaction pull in opposite directions on this item."));
            else if (rewarded && r.Outcome == Outcome.HandleSeconds && effect >= options.MinimumHandleSecondsCost)
                conflicts.Add(new MetricConflict($"qa:{r.Driver}", "handleTime", r.Driver, "opposite", effect, "seconds", r.Ci95,
                    r.N, r.PAdjusted!.Value, string.Create(CultureInfo.InvariantCulture, $"+{effect:0} s per contact, {effect * 1000 / 3600:0.0} agent-hours per 1,000 contacts"),
                    $"The scorecard rewards {label}, and doing it is associated with longer contacts for the same agent: {evidence}. " +
                    "Meeting the quality target works against the handle-time target, and its staffing has a price."));
            else if (r.Driver == QaDriver && r.Outcome is Outcome.Csat or Outcome.Nps && effect < 0 && Matters(r))
                conflicts.Add(new MetricConflict("qaScore", r.Outcome.ToString().ToLowerInvariant(), null, "opposite", effect,
                    $"{r.Outcome.Unit()} per 10 QA points", r.Ci95, r.N, r.PAdjusted!.Value, null,
                    $"Higher QA scores are associated with lower {r.Outcome.Name()}: {evidence} per 10 QA points{Bar(r.Outcome)}.{Shares(r, " per 10 QA points")} The scorecard rewards something customers do not value."));
            else if (r.Driver == HandleDriver && r.Outcome == Outcome.Fcr && effect > 0)
                // Said in points of the resolution rate, like the text: the badge and the sentence read the same number.
                conflicts.Add(new MetricConflict("handleTime", "fcr", null, "opposite", effect * 100, "points of first-contact resolution per minute",
                    [r.Ci95[0] * 100, r.Ci95[1] * 100], r.N, r.PAdjusted!.Value,
                    string.Create(CultureInfo.InvariantCulture, $"{effect * 100:0.0} points less FCR with each minute less handle time"),
                    r.Level == AgentWeekLevel
                        ? $"Agents whose contacts are shorter resolve fewer of them: {evidence} per minute of an agent's weekly mean handle time. A tighter handle-time target is associated with lower first-contact resolution."
                        : $"An agent's shorter contacts are resolved less often than their longer ones: {evidence} per minute. A tighter handle-time target is associated with lower first-contact resolution."));
        }
        return conflicts.OrderBy(c => c.PAdjusted).ToList();
    }
}

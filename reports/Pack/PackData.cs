namespace QmInsights.Reports.Pack;

/// <summary>Everything the monthly pack shows, gathered from the same services the API's endpoints use. Plain
/// records: the layout is tested without a cluster. A list is empty (a figure null) when there is no data for it,
/// and its section is then left out.</summary>
public sealed record MonthlyPackData(
    string Month,
    string Scope,
    string? TeamId,
    DateTimeOffset GeneratedAt,
    PackKpis Current,
    PackKpis? Previous,
    IReadOnlyList<MonthPoint> Trend,
    IReadOnlyList<LeagueRow> League,
    IReadOnlyList<ItemPassRate> Items,
    IReadOnlyList<ConflictLine> Conflicts,
    IReadOnlyList<AgentGapLine> DisagreeingAgents,
    CalibrationHealth? Calibration,
    IReadOnlyList<CoverageRow> Coverage,
    PeakForecast? Forecast = null,
    QueueMonth? Queues = null)
{
    /// <summary>The data <paramref name="audience"/> may see: an aggregate pack drops the agent league of a team pack, the
    /// disagreeing agents and the evaluators' leniency, and keeps teams, items, conflicts, sessions and coverage.</summary>
    public MonthlyPackData For(PackAudience audience) => audience == PackAudience.Full ? this : this with
    {
        League = TeamId is null ? League : [],
        DisagreeingAgents = [],
        Calibration = Calibration is null ? null : Calibration with { Evaluators = [] },
    };
}

/// <summary>The month's queue figures (centre pack), with the thresholds they were computed with.</summary>
public sealed record QueueMonth(double ServiceLevelSeconds, double ShortAbandonSeconds, IReadOnlyList<QueueLine> Lines);

/// <summary>One queue's month: offered (handled + abandoned), abandon rate, service level, ASA and AHT.</summary>
public sealed record QueueLine(string Queue, long Offered, long Handled, long Abandoned, long ShortAbandoned, double? AbandonRate,
    double? ServiceLevel, double? AsaSeconds, double? AhtSeconds);

/// <summary>The headline figures of one month (the summary endpoint's totals for that month).</summary>
public sealed record PackKpis(
    long Evaluations,
    double? QaScore,
    double[]? QaScoreCi95,
    double? TargetPercent,
    double? AtTargetShare,
    double? Csat,
    long CsatResponses,
    double? Nps,
    long NpsResponses,
    double? AhtSeconds,
    double? FcrRate,
    long Interactions,
    int? Quota,
    int? Agents)
{
    /// <summary>Whether the month has anything to report.</summary>
    public bool HasData => Evaluations > 0 || Interactions > 0;
}

public sealed record MonthPoint(string Month, double? QaScore, double? Csat, double? Nps, double? AhtSeconds);

/// <summary>A row of the league table: a team in the centre's pack, an agent in a team's pack.</summary>
public sealed record LeagueRow(string Name, long Evaluations, double? QaScore, double? PreviousQaScore, double? Csat,
    double? Nps, double? AhtSeconds, double? FcrRate);

public sealed record ItemPassRate(string ItemId, string? Text, bool Critical, long Answered, long Failed, double? PassRate);

/// <summary>A conflicting-metrics finding in plain language, with its effect size.</summary>
public sealed record ConflictLine(string Title, string Effect, string Explanation, string? Cost);

public sealed record AgentGapLine(string AgentId, double QaScore, double Csat, long Evaluations, long CsatResponses, double Gap, string Explanation);

/// <summary>Calibration sessions' agreement over the month and evaluators' leniency over the months up to it.</summary>
/// <param name="LeniencyFrom">The first month (yyyy-MM) of the evaluations the leniency compares; null: the pack's month alone.</param>
public sealed record CalibrationHealth(long CalibrationEvaluations, double? CalibrationQaScore, IReadOnlyList<SessionLine> Sessions,
    IReadOnlyList<LeniencyLine> Evaluators, string? LeniencyFrom = null);

/// <summary>A calibration session closed in the month: how far its evaluators agreed, and the item they agreed on least.</summary>
/// <param name="AlphaIntervalCi95">Bootstrap 95% interval of the alpha over total scores (resampling the contacts).</param>
public sealed record SessionLine(string SessionId, DateOnly ClosedOn, int Interactions, int Evaluators, double? PercentAgreement,
    double? AlphaNominal, double? AlphaInterval, string? PoorestItem, double[]? AlphaIntervalCi95 = null);

public sealed record LeniencyLine(string EvaluatorId, int Evaluations, double Difference, double[] Ci95, string Verdict);

/// <summary>Regular evaluations done in the month against the per-agent quota, by team.</summary>
public sealed record CoverageRow(string TeamId, int Agents, int Evaluations, int Quota, double Coverage);

/// <summary>The next peak day of the weeks after the month for the busiest queue and channel, as
/// <c>/api/forecast/staffing</c>'s <c>nextPeak</c> (Erlang C staffing), and how the forecast fared in its backtest.</summary>
/// <param name="Declared">True when a declared peak (campaign, holiday) chose the day; false when it is the day of most forecast workload.</param>
/// <param name="Busiest">The intervals of the day that need the most agents, in time order.</param>
[Orleans.GenerateSerializer, Orleans.Alias("qm.PeakForecast")]
public sealed record PeakForecast(string Queue, string Channel, long MonthContacts, DateOnly From, DateOnly To, DateOnly Day, bool Declared,
    double ServiceLevelTarget, double AnswerWithinSeconds, double Shrinkage, IReadOnlyList<PeakInterval> Busiest,
    int BacktestWeeks, double HistoryWeeks, double? VolumeMape, double? VolumeNaiveMape, double? HandleMape, double? HandleNaiveMape);

/// <summary>One forecast interval (UTC) with its 80% prediction intervals and the staffing it needs.</summary>
[Orleans.GenerateSerializer, Orleans.Alias("qm.PeakInterval")]
public sealed record PeakInterval(DateTimeOffset Start, double Volume, double VolumeLower80, double VolumeUpper80, double HandleSeconds,
    double HandleLower80, double HandleUpper80, int AgentsOnPhones, int AgentsScheduled, double ServiceLevel);

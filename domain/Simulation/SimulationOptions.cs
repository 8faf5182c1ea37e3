using QmInsights.Domain.Periods;

namespace QmInsights.Domain.Simulation;

/// <summary>Size, period and ground truth of a simulated contact centre. The same options give the same data.</summary>
public sealed record SimulationOptions
{
    public int Seed { get; init; } = 42;
    public int Teams { get; init; } = 15;
    public int Agents { get; init; } = 200;
    /// <summary>First day (a Monday). The default period covers a December peak.</summary>
    public DateOnly Start { get; init; } = new(2025, 9, 1);
    public int Months { get; init; } = 6;
    /// <summary>Mean contacts an agent handles on an ordinary working day.</summary>
    public double ContactsPerAgentDay { get; init; } = 24;
    public double SurveyResponseRate { get; init; } = 0.15;
    public int EvaluationsPerAgentMonth { get; init; } = 4;
    public int SelfEvaluationsPerAgentMonth { get; init; } = 1;
    public int Evaluators { get; init; } = 12;
    /// <summary>Share of agents hired during the period (they start with lower adherence and longer contacts).</summary>
    public double NewHireShare { get; init; } = 0.15;
    /// <summary>Share of agents who move to another team mid-period.</summary>
    public double TeamChangeShare { get; init; } = 0.05;
    /// <summary>Share of agents who upsell as a habit (the domain's "10 of 50").</summary>
    public double UpsellerShare { get; init; } = 0.2;
    /// <summary>December volume relative to an ordinary month; handle time drops under the simplified peak model.</summary>
    public double DecemberVolumeFactor { get; init; } = 1.4;
    public double DecemberHandleFactor { get; init; } = 0.92;
    /// <summary>Offset of the centre's local time, used in every timestamp it reports (unless <see cref="TimeZone"/> is set).</summary>
    public TimeSpan LocalOffset { get; init; } = TimeSpan.FromHours(1);
    /// <summary>IANA zone of the centre's local time (e.g. Europe/Oslo): timestamps then carry the offset in force that
    /// day, daylight-saving changes included. Null keeps the fixed <see cref="LocalOffset"/>.</summary>
    public string? TimeZone { get; init; }
    /// <summary>Contacts given up in the queue, relative to those handled (see <see cref="CentreSimulation.Abandoned"/>).</summary>
    public double AbandonShare { get; init; } = 0.06;
    /// <summary>Standard deviation of the centre-wide day-to-day swing in demand (log scale; 0, the default, keeps the
    /// arrivals Poisson around a fixed profile). Real arrivals are overdispersed: on the bank series of
    /// <c>tests/RealLog</c> a day's calls differ from the mean of the same weekday over the 4 weeks before by 7.2% (sd),
    /// about 0.064 once the mean's own error is taken out.</summary>
    public double DailyDemandNoise { get; init; }
    /// <summary>Correlation of one day's demand swing with the day before's (0.63 on the same bank series: a busy day is
    /// followed by a busy day, and the swing is gone within a week).</summary>
    public double DailyDemandPersistence { get; init; } = 0.63;
    public PlantedEffects Effects { get; init; } = new();
    /// <summary>How evaluations are picked and surveys answered (uniform random unless set).</summary>
    public QaPractice Practice { get; init; } = new();

    public DateOnly End => Start.AddMonths(Months);

    /// <summary>Problems with the options, each naming the option.</summary>
    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (Teams < 1) p.Add("teams: must be at least 1");
        if (Agents < Teams) p.Add("agents: must be at least the number of teams");
        if (Months is < 1 or > 36) p.Add("months: must be 1-36");
        if (ContactsPerAgentDay is <= 0 or > 200) p.Add("contacts-per-agent-day: must be in (0, 200]");
        if (SurveyResponseRate is < 0 or > 1) p.Add("survey-rate: must be 0-1");
        if (Evaluators < 1) p.Add("evaluators: must be at least 1");
        if (AbandonShare is < 0 or > 1) p.Add("abandon-share: must be 0-1");
        if (DailyDemandNoise is < 0 or >= 1) p.Add("daily-demand-noise: must be in [0, 1)");
        if (DailyDemandPersistence is < 0 or >= 1) p.Add("daily-demand-persistence: must be in [0, 1)");
        if (CentreCalendar.ProblemWith("time-zone", TimeZone) is { } zone) p.Add(zone);
        p.AddRange(Practice.Problems());
        return p;
    }
}

using MathNet.Numerics.Distributions;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;

namespace QmInsights.Domain.Simulation;

/// <summary>A deterministic simulated contact centre: agents with hidden traits handle contacts with hourly, weekly
/// and December seasonality; behaviours (scorecard items) drive CSAT, NPS, handle time and FCR through the
/// <see cref="PlantedEffects"/>; evaluators with known leniency score a sample. Each agent-month has its own random
/// stream, so every enumeration yields identical facts and nothing but the agent list is held in memory.</summary>
public sealed partial class CentreSimulation
{
    private static readonly string[] CallQueues = ["billing", "support", "sales"];
    private static readonly string[] ChatQueues = ["support", "sales"];
    // Share of a day's contacts starting in each local hour 08-19: peaks mid-morning and early afternoon.
    private static readonly double[] HourProfile = [0.05, 0.09, 0.12, 0.11, 0.08, 0.07, 0.10, 0.11, 0.09, 0.07, 0.06, 0.05];

    public SimulationOptions Options { get; }
    public IReadOnlyList<SimulatedAgent> Agents { get; }
    public IReadOnlyList<SimulatedEvaluator> Evaluators { get; }
    public IReadOnlyList<string> TeamIds { get; }

    public CentreSimulation(SimulationOptions options)
    {
        var problems = options.Problems();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(options));
        Options = options;
        var random = new Random(options.Seed);
        TeamIds = Enumerable.Range(1, options.Teams).Select(t => $"team-{t:00}").ToList();
        Evaluators = Enumerable.Range(1, options.Evaluators).Select(e => new SimulatedEvaluator($"qa-{e:00}",
            // A quarter lenient, a sixth severe, the rest fair with a little noise.
            Leniency: (e % 4 == 1 ? 0.15 : 0.02) * options.Practice.EvaluatorErrorScale,
            Severity: (e % 6 == 2 ? 0.10 : 0.02) * options.Practice.EvaluatorErrorScale)).ToList();
        Agents = Enumerable.Range(1, options.Agents).Select(a => NewAgent(a, random)).ToList();
    }

    /// <summary>Scorecard versions with the day each comes into force.</summary>
    public IReadOnlyList<(int Version, DateTimeOffset ValidFrom, ScorecardDefinition Definition)> ScorecardVersions =>
    [
        (1, At(Options.Start.AddYears(-1), 0), DemoScorecard.Version(1)),
        (2, At(Options.Start.AddMonths(Options.Months / 2), 0), DemoScorecard.Version(2)),
    ];

    public IEnumerable<AgentRosterEntry> Roster() =>
        Agents.Select(a => new AgentRosterEntry(a.AgentId, a.FinalTeamId, a.HiredAt, null));

    public IEnumerable<Interaction> Interactions() => AgentMonths().SelectMany(m => m.Interactions);

    public IEnumerable<Survey> Surveys() => AgentMonths().SelectMany(m => m.Surveys);

    public IEnumerable<Evaluation> Evaluations() => AgentMonths().SelectMany(m => m.Evaluations);

    /// <summary>Every agent-month's facts, with the true behaviours of each contact.</summary>
    public IEnumerable<AgentMonth> AgentMonths()
    {
        for (var a = 0; a < Agents.Count; a++)
            for (var m = 0; m < Options.Months; m++)
                yield return Simulate(a, m);
    }

    /// <summary>One agent-month, the same one <see cref="AgentMonths"/> yields (each is seeded by agent and month).</summary>
    public AgentMonth AgentMonth(int agentIndex, int monthIndex) => Simulate(agentIndex, monthIndex);

    /// <summary>Expected number of contacts, for progress displays.</summary>
    public long ExpectedInteractions =>
        (long)(Agents.Count * Options.Months * 21.7 * Options.ContactsPerAgentDay * 1.05);

    private SimulatedAgent NewAgent(int number, Random random)
    {
        var id = $"agent-{number:000}";
        var firstTeam = TeamIds[(number - 1) % TeamIds.Count];
        var finalTeam = firstTeam;
        DateOnly? change = null;
        var days = Options.End.DayNumber - Options.Start.DayNumber;
        if (random.NextDouble() < Options.TeamChangeShare && TeamIds.Count > 1)
        {
            finalTeam = TeamIds[number % TeamIds.Count];
            change = Options.Start.AddDays(days / 4 + random.Next(days / 2));
        }
        var newHire = random.NextDouble() < Options.NewHireShare;
        var hired = newHire
            ? Options.Start.AddDays(random.Next(Math.Max(1, days - 30)))
            : Options.Start.AddDays(-365 - random.Next(1500));
        var skill = Normal.Sample(random, 0, 1);
        var upseller = random.NextDouble() < Options.UpsellerShare;
        var speed = Math.Exp(Normal.Sample(random, 0, 0.15));
        var adherence = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var item in DemoScorecard.ItemIds)
            adherence[item] = item switch
            {
                "upsell" => upseller ? 0.85 : 0.12,
                // A compliance step: nearly always done, so a critical fail (score 0) stays the exception.
                "verify-identity" => Logistic(3.6 + 0.4 * skill),
                _ => Logistic(2.4 + 0.6 * skill + Normal.Sample(random, 0, 0.4)),
            };
        return new SimulatedAgent(id, firstTeam, finalTeam, change, At(hired, 9), newHire, skill, upseller, speed, adherence);
    }

    private AgentMonth Simulate(int agentIndex, int monthIndex)
    {
        var agent = Agents[agentIndex];
        // A stable seed per agent-month (HashCode.Combine is randomised per process).
        var random = new Random(unchecked(Options.Seed * 1_000_003 + agentIndex * 7_919 + monthIndex * 104_729));
        var monthStart = Options.Start.AddMonths(monthIndex);
        var monthEnd = monthStart.AddMonths(1);
        var month = new AgentMonth(agent.AgentId, monthStart);
        var hireDay = DateOnly.FromDateTime(agent.HiredAt.UtcDateTime);
        var trend = 1.0 + 0.03 * monthIndex / Math.Max(1, Options.Months);

        for (var day = monthStart; day < monthEnd; day = day.AddDays(1))
        {
            if (day < hireDay) continue;
            var weekday = day.DayOfWeek switch
            {
                DayOfWeek.Monday => 1.25, DayOfWeek.Tuesday => 1.05, DayOfWeek.Wednesday => 1.0,
                DayOfWeek.Thursday => 0.95, DayOfWeek.Friday => 0.9, DayOfWeek.Saturday => 0.3, _ => 0.0,
            };
            if (weekday == 0) continue;
            var peak = day.Month == 12 ? Options.DecemberVolumeFactor : 1.0;
            var contacts = Poisson.Sample(random, Options.ContactsPerAgentDay * weekday * peak * trend * DemandFactor(day));
            var newHire = day.DayNumber - hireDay.DayNumber < 30;
            for (var n = 0; n < contacts; n++)
                month.Add(Contact(agent, day, n, newHire, random));
        }

        Evaluate(month, agentIndex + monthIndex, random);
        return month;
    }

    private SimulatedContact Contact(SimulatedAgent agent, DateOnly day, int n, bool newHire, Random random)
    {
        var effects = Options.Effects;
        var channelDraw = random.NextDouble();
        var channel = channelDraw < 0.6 ? Channel.Call : channelDraw < 0.85 ? Channel.Chat : Channel.Email;
        var queue = channel switch
        {
            Channel.Call => CallQueues[random.Next(CallQueues.Length)],
            Channel.Chat => ChatQueues[random.Next(ChatQueues.Length)],
            _ => "support",
        };
        var hour = 8 + Sample(HourProfile, random);
        var started = At(day, hour).AddSeconds(random.Next(3600));
        var december = day.Month == 12;

        // True behaviours: what the agent actually did on this contact.
        var penalty = newHire ? 0.25 : 0.0;
        var done = new Dictionary<string, ItemAnswer>(StringComparer.Ordinal);
        foreach (var item in DemoScorecard.ItemIds)
        {
            var applicable = item switch
            {
                "verify-identity" => channel != Channel.Email, // email customers are signed in
                "upsell" => queue != "support" || channel == Channel.Call,
                _ => true,
            };
            done[item] = !applicable ? ItemAnswer.NotApplicable
                : random.NextDouble() < agent.ItemAdherence[item] - (item == "upsell" ? 0 : penalty) ? ItemAnswer.Yes
                : ItemAnswer.No;
        }
        var upsold = done["upsell"] == ItemAnswer.Yes;

        var norm = channel switch { Channel.Call => 330.0, Channel.Chat => 460.0, _ => 280.0 };
        var style = norm * (agent.Speed - 1); // seconds above the channel norm
        var handle = norm * agent.Speed * (newHire ? 1.25 : 1.0) * (december ? Options.DecemberHandleFactor : 1.0) * HandleTimeShape.Factor(day.DayOfWeek, hour)
                     * Math.Exp(Normal.Sample(random, -0.06, 0.35));
        if (upsold) handle += effects.UpsellCallSeconds * channel switch { Channel.Call => 1.0, Channel.Chat => 0.5, _ => 0.25 };
        var wait = channel == Channel.Email ? 0 : Math.Round(Exponential.Sample(random, 1.0 / MeanWaitSeconds(day)), 3);

        var fcrChance = 0.68 + (done["summary"] == ItemAnswer.Yes ? effects.SummaryFcr : 0) + effects.FcrPerStyleMinute * style / 60
                        + 0.04 * agent.Skill;
        var resolved = random.NextDouble() < Math.Clamp(fcrChance, 0.05, 0.98);

        Survey? survey = null;
        if (random.NextDouble() < Options.SurveyResponseRate * (resolved ? 1 : Options.Practice.UnresolvedResponseFactor))
        {
            var empathy = done["empathy"] == ItemAnswer.Yes;
            var scripted = channel == Channel.Chat && done["anything-else"] == ItemAnswer.Yes;
            var csat = 3.55 + 0.3 * agent.Skill + (empathy ? effects.EmpathyCsat : 0) + (upsold ? effects.UpsellCsat : 0)
                       + (scripted ? effects.AnythingElseChatCsat : 0)
                       + (resolved ? effects.ResolvedCsat / 2 : -effects.ResolvedCsat / 2) - wait / 600.0
                       + Normal.Sample(random, 0, 0.45);
            var nps = 7.0 + 0.6 * agent.Skill + (empathy ? effects.EmpathyNps : 0) + (upsold ? effects.UpsellNps : 0)
                      + (resolved ? effects.ResolvedNps / 2 : -effects.ResolvedNps / 2) - wait / 300.0
                      + Normal.Sample(random, 0, 1.2);
            // Some customers skip one of the two questions, never both (the survey would not be sent back).
            var skip = random.NextDouble();
            survey = new Survey("", started.AddMinutes(5 + random.Next(60 * 24)),
                skip < 0.05 ? null : StochasticRound(csat, 1, 5, random),
                skip > 0.85 ? null : StochasticRound(nps, 0, 10, random));
        }

        var id = $"c-{agent.AgentId[6..]}-{day:yyyyMMdd}-{n:000}";
        // Durations to the millisecond, as real exports give them.
        var interaction = new Interaction(id, channel, agent.AgentId, agent.TeamOn(day), queue, started, Math.Round(handle, 3),
            channel == Channel.Email ? null : random.Next(10_000, 90_000) / 1000.0, channel == Channel.Email ? null : wait, resolved);
        return new SimulatedContact(interaction, survey is null ? null : survey with { InteractionId = id }, done);
    }

    // Random picks first (drawn from the contacts no rule targets), then the targeted ones, then self evaluations.
    private void Evaluate(AgentMonth month, int rotaSlot, Random random)
    {
        var contacts = month.Contacts;
        if (contacts.Count == 0) return;
        var targeted = TargetedPicks(contacts);
        var picks = Enumerable.Range(0, contacts.Count).Where(i => !targeted.Contains(i)).OrderBy(_ => random.Next()).ToList();
        var labelled = Options.Practice.TargetedPerAgentMonth > 0;
        var randomShare = Math.Min(1.0, (double)Options.EvaluationsPerAgentMonth / Math.Max(1, picks.Count));
        var take = 0;
        for (var k = 0; k < Options.EvaluationsPerAgentMonth && take < picks.Count; k++, take++)
            Add(month, contacts[picks[take]], EvaluationKind.Regular, rotaSlot, random,
                labelled ? (EvaluationSelection.Random, randomShare) : null);
        foreach (var index in targeted)
            Add(month, contacts[index], EvaluationKind.Regular, rotaSlot, random, (EvaluationSelection.Targeted, 1.0));
        for (var k = 0; k < Options.SelfEvaluationsPerAgentMonth && take < picks.Count; k++, take++)
            Add(month, contacts[picks[take]], EvaluationKind.Self, rotaSlot, random, null);
    }

    // The sampling rule's targets: the lowest CSAT answer at 1-2 (earliest first), then the longest contact.
    private List<int> TargetedPicks(List<SimulatedContact> contacts)
    {
        var wanted = Options.Practice.TargetedPerAgentMonth;
        var picks = new List<int>();
        if (wanted == 0) return picks;
        var lowest = Enumerable.Range(0, contacts.Count).Where(i => contacts[i].Survey?.Csat is <= 2)
            .OrderBy(i => contacts[i].Survey!.Csat).ThenBy(i => contacts[i].Interaction.StartedAt).Take(1);
        picks.AddRange(lowest);
        if (wanted > 1 || picks.Count == 0)
            picks.AddRange(Enumerable.Range(0, contacts.Count).Where(i => !picks.Contains(i))
                .OrderByDescending(i => contacts[i].Interaction.HandleSeconds).Take(wanted - picks.Count));
        return picks;
    }

    private void Add(AgentMonth month, SimulatedContact contact, EvaluationKind kind, int rotaSlot, Random random,
        (EvaluationSelection Selection, double Probability)? pick)
    {
        var evaluator = kind == EvaluationKind.Self
            ? new SimulatedEvaluator(month.AgentId, 0.10, 0.0) // agents rate themselves kindly
            : Options.Practice.EvaluatorRota
                ? Evaluators[rotaSlot % Evaluators.Count]
                : Evaluators[(Math.Abs(month.AgentId.GetDeterministicHash()) + random.Next(2)) % Evaluators.Count];
        var evaluatedAt = contact.Interaction.StartedAt.AddDays(1 + random.Next(10)).AddHours(random.Next(6));
        var answers = contact.Behaviour.Select(b => new ItemResponse(b.Key, Recorded(b.Value, evaluator, random)));
        // Some QA tools name the version, others leave it to the date.
        int? version = random.NextDouble() < 0.3
            ? ScorecardVersions.Last(v => v.ValidFrom <= evaluatedAt).Version
            : null;
        var prefix = kind == EvaluationKind.Self ? "self" : pick?.Selection == EvaluationSelection.Targeted ? "tev" : "ev";
        month.Evaluations.Add(new Evaluation($"{prefix}-{contact.Interaction.InteractionId}", contact.Interaction.InteractionId,
            month.AgentId, evaluator.EvaluatorId, DemoScorecard.Id, version, kind, evaluatedAt,
            Evaluation.Canonical(answers), null, 1, pick?.Selection ?? EvaluationSelection.Random, pick?.Probability));
    }

    /// <summary>What <paramref name="evaluator"/> records for an item whose truth is <paramref name="truth"/>: a lenient
    /// "yes" on a "no", a severe "no" on a "yes", at the evaluator's rates.</summary>
    public static ItemAnswer Recorded(ItemAnswer truth, SimulatedEvaluator evaluator, Random random) => truth switch
    {
        ItemAnswer.No when random.NextDouble() < evaluator.Leniency => ItemAnswer.Yes,
        ItemAnswer.Yes when random.NextDouble() < evaluator.Severity => ItemAnswer.No,
        _ => truth,
    };

    /// <summary>Rounds so that the expected result equals the (clamped) value: effects survive the integer scale.</summary>
    private static int StochasticRound(double value, int min, int max, Random random)
    {
        var clamped = Math.Clamp(value, min, max);
        var floor = Math.Floor(clamped);
        return (int)Math.Min(max, floor + (random.NextDouble() < clamped - floor ? 1 : 0));
    }

    private static int Sample(double[] weights, Random random)
    {
        var u = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
            if ((u -= weights[i]) <= 0) return i;
        return weights.Length - 1;
    }

    private DateTimeOffset At(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, Zone?.GetUtcOffset(local) ?? Options.LocalOffset);
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}

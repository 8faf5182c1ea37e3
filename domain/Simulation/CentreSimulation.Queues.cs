using MathNet.Numerics.Distributions;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Periods;

namespace QmInsights.Domain.Simulation;

/// <summary>What the simulated centre's queues see besides the agents' contacts: callers and chatters who give up
/// before anyone answers, and the centre's clock.</summary>
public sealed partial class CentreSimulation
{
    private TimeZoneInfo? _zone;

    /// <summary>The centre's time zone when <see cref="SimulationOptions.TimeZone"/> names one.</summary>
    private TimeZoneInfo? Zone => Options.TimeZone is null ? null : _zone ??= CentreCalendar.Of(Options.TimeZone, "time-zone").Zone;

    /// <summary>Contacts given up in the call and chat queues: per queue and working day, Poisson with mean
    /// <see cref="SimulationOptions.AbandonShare"/> times the contacts the queue's agents handle that day, no agent and
    /// no team. Callers' patience is exponential with mean <see cref="MeanPatienceSeconds"/>; one who gives up waited the
    /// shorter of patience and the offered wait (exponential, the handled contacts' mean), so the waits are exponential
    /// at the sum of both rates (a few are short abandons) and patience can be estimated back from abandonments and
    /// waits. Seeded on their own: the agents' contacts are the same with or without them.</summary>
    public IEnumerable<Interaction> Abandoned()
    {
        var random = new Random(unchecked(Options.Seed * 31 + 7));
        var perQueue = new Dictionary<(Channel, string), double>
        {
            [(Channel.Call, "billing")] = 0.6 / 3, [(Channel.Call, "support")] = 0.6 / 3, [(Channel.Call, "sales")] = 0.6 / 3,
            [(Channel.Chat, "support")] = 0.25 / 2, [(Channel.Chat, "sales")] = 0.25 / 2,
        };
        for (var day = Options.Start; day < Options.End; day = day.AddDays(1))
        {
            var weekday = day.DayOfWeek switch { DayOfWeek.Sunday => 0.0, DayOfWeek.Saturday => 0.3, _ => 1.0 };
            var peak = day.Month == 12 ? Options.DecemberVolumeFactor : 1.0;
            foreach (var ((channel, queue), share) in perQueue)
            {
                var handled = Agents.Count * Options.ContactsPerAgentDay * weekday * peak * share * DemandFactor(day);
                var count = handled > 0 ? Poisson.Sample(random, handled * Options.AbandonShare) : 0;
                for (var n = 0; n < count; n++)
                {
                    var started = At(day, 8 + Sample(HourProfile, random)).AddSeconds(random.Next(3600));
                    var wait = Math.Round(Exponential.Sample(random, 1.0 / MeanWaitSeconds(day) + 1.0 / MeanPatienceSeconds), 3);
                    yield return new Interaction($"ab-{queue}-{channel.ToString().ToLowerInvariant()}-{day:yyyyMMdd}-{n:000}", channel,
                        null, null, queue, started, 0, null, wait, null, ContactOutcome.Abandoned);
                }
            }
        }
    }

    private double[]? _demand;

    /// <summary>The centre-wide demand factor of <paramref name="day"/>: exp of a stationary AR(1) over the days with
    /// standard deviation <see cref="SimulationOptions.DailyDemandNoise"/> and lag-one correlation
    /// <see cref="SimulationOptions.DailyDemandPersistence"/>, normalised to mean 1; every queue and agent sees the same
    /// swing. Drawn from its own stream, so without noise the contacts are exactly those of a simulation without it.</summary>
    private double DemandFactor(DateOnly day)
    {
        if (Options.DailyDemandNoise == 0) return 1;
        if (_demand is null)
        {
            var random = new Random(unchecked(Options.Seed * 17 + 3));
            var (sigma, phi) = (Options.DailyDemandNoise, Options.DailyDemandPersistence);
            var days = new double[Options.End.DayNumber - Options.Start.DayNumber];
            var x = Normal.Sample(random, 0, sigma);
            for (var d = 0; d < days.Length; d++, x = phi * x + Normal.Sample(random, 0, sigma * Math.Sqrt(1 - phi * phi)))
                days[d] = Math.Exp(x - sigma * sigma / 2);
            _demand = days;
        }
        var index = day.DayNumber - Options.Start.DayNumber;
        return index >= 0 && index < _demand.Length ? _demand[index] : 1;
    }

    /// <summary>Mean wait of the contacts answered on <paramref name="day"/>: longer in the December peak.</summary>
    private static double MeanWaitSeconds(DateOnly day) => day.Month == 12 ? 90 : OrdinaryWaitSeconds;

    private const double OrdinaryWaitSeconds = 35;

    /// <summary>Callers' mean patience: the one at which an ordinary month's exponential waits lose
    /// <see cref="SimulationOptions.AbandonShare"/> callers per handled one (mean wait / patience; 583 s at the default).</summary>
    public double MeanPatienceSeconds => OrdinaryWaitSeconds / Options.AbandonShare;

    /// <summary>Every contact the queues saw: the agents' (<see cref="Interactions"/>) and the abandoned ones.</summary>
    public IEnumerable<Interaction> Contacts() => Interactions().Concat(Abandoned());
}

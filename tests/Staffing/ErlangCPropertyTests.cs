using QmInsights.Domain.Staffing;

namespace QmInsights.Tests.Staffing;

/// <summary>Properties Erlang C must have for any load, checked over a spread of loads rather than one example.</summary>
public class ErlangCPropertyTests
{
    public static TheoryData<double> Loads => [0.1, 0.5, 1, 2.5, 9.5, 10, 37.3, 100, 499.9, 500, 2000];

    [Theory, MemberData(nameof(Loads))]
    public void Service_level_rises_and_answer_speed_falls_as_agents_are_added(double erlangs)
    {
        var top = (int)Math.Ceiling(erlangs * 1.5) + 10;
        var previousLevel = double.NegativeInfinity;
        var previousAsa = double.PositiveInfinity;
        for (var agents = (int)Math.Floor(erlangs) + 1; agents <= top; agents++)
        {
            var level = ErlangC.ServiceLevel(agents, erlangs, 180, 20);
            var asa = ErlangC.AverageSpeedOfAnswerSeconds(agents, erlangs, 180);
            Assert.True(level >= previousLevel, $"SL fell at N={agents}: {level} < {previousLevel}");
            Assert.True(asa <= previousAsa, $"ASA rose at N={agents}: {asa} > {previousAsa}");
            previousLevel = level;
            previousAsa = asa;
        }
    }

    [Theory, MemberData(nameof(Loads))]
    public void Probabilities_stay_between_0_and_1(double erlangs)
    {
        for (var agents = 0; agents <= (int)(erlangs * 1.5) + 10; agents++)
        {
            var waiting = ErlangC.ProbabilityOfWaiting(agents, erlangs);
            var level = ErlangC.ServiceLevel(agents, erlangs, 180, 20);
            Assert.InRange(waiting, 0, 1);
            Assert.InRange(level, 0, 1);
            Assert.InRange(ErlangC.BlockingProbability(agents, erlangs), 0, 1);
            Assert.InRange(ErlangC.Occupancy(agents, erlangs), 0, 1);
        }
    }

    [Theory]
    [InlineData(500)]
    [InlineData(5_000)]
    public void Large_loads_compute_without_overflow(double erlangs)
    {
        // A^N / N! overflows a double long before A = 500; the Erlang B recursion never forms it.
        var request = new StaffingRequest(erlangs * 10, TimeSpan.FromMinutes(30), 180);
        Assert.Equal(erlangs, request.TrafficErlangs, 9);

        var result = StaffingCalculator.Required(request);

        Assert.True(double.IsFinite(result.ProbabilityOfWaiting) && double.IsFinite(result.AverageSpeedOfAnswerSeconds));
        Assert.InRange(result.ProbabilityOfWaiting, 0, 1);
        Assert.True(result.ServiceLevel >= 0.8);
        Assert.True(result.Occupancy <= 0.85 + 1e-12);
        // At this scale the occupancy cap binds, not the service level: N = ceil(A / 0.85).
        Assert.Equal((int)Math.Ceiling(erlangs / 0.85), result.AgentsOnPhones);
        Assert.True(StaffingCalculator.Evaluate(request, result.AgentsOnPhones - 1).Occupancy > 0.85);
    }

    [Theory, MemberData(nameof(Loads))]
    public void Required_agents_always_exceed_the_load(double erlangs)
    {
        var request = new StaffingRequest(erlangs * 10, TimeSpan.FromMinutes(30), 180);

        var result = StaffingCalculator.Required(request);

        // N > A, i.e. N >= floor(A) + 1; for a whole number of Erlangs that is ceil(A) + 1.
        Assert.True(result.AgentsOnPhones >= Math.Floor(erlangs) + 1);
        if (erlangs == Math.Floor(erlangs)) Assert.True(result.AgentsOnPhones >= erlangs + 1);
        Assert.True(result.IsStable);
    }

    [Theory, MemberData(nameof(Loads))]
    public void Required_is_the_smallest_level_meeting_both_targets(double erlangs)
    {
        var request = new StaffingRequest(erlangs * 10, TimeSpan.FromMinutes(30), 180);

        var result = StaffingCalculator.Required(request);
        var fewer = StaffingCalculator.Evaluate(request, result.AgentsOnPhones - 1);

        Assert.True(result.ServiceLevel >= request.ServiceLevelTarget);
        Assert.True(result.Occupancy <= request.MaxOccupancy + 1e-12);
        Assert.True(fewer.ServiceLevel < request.ServiceLevelTarget || fewer.Occupancy > request.MaxOccupancy);
        Assert.Equal(result, StaffingCalculator.Evaluate(request, result.AgentsOnPhones));
    }

    [Fact]
    public void A_light_load_can_need_fewer_than_ceil_A_plus_one()
    {
        // Why the floor: 1 call of 3 minutes in 30 minutes is A = 0.1 and one agent answers 90.95% within 20 s.
        var result = StaffingCalculator.Required(new StaffingRequest(1, TimeSpan.FromMinutes(30), 180));

        Assert.Equal(1, result.AgentsOnPhones);
        Assert.Equal(2, result.AgentsScheduled);
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(9, 10)]
    [InlineData(0, 0.5)]
    public void Too_few_agents_make_an_unstable_queue_rather_than_an_error(int agents, double erlangs)
    {
        var request = new StaffingRequest(erlangs * 10, TimeSpan.FromMinutes(30), 180);

        var result = StaffingCalculator.Evaluate(request, agents);

        Assert.False(result.IsStable);
        Assert.Equal(1, result.ProbabilityOfWaiting);
        Assert.Equal(0, result.ServiceLevel);
        Assert.Equal(double.PositiveInfinity, result.AverageSpeedOfAnswerSeconds);
        Assert.Equal(1, result.Occupancy);
    }

    [Fact]
    public void No_calls_need_no_agents()
    {
        var request = new StaffingRequest(0, TimeSpan.FromMinutes(15), 240);

        var result = StaffingCalculator.Required(request);

        Assert.Equal(new StaffingResult(0, 0, 1, 0, 0, 0, 0), result);
        Assert.True(result.IsStable);
    }

    [Fact]
    public void Erlang_b_and_c_agree_with_their_closed_forms_where_those_still_fit_in_a_double()
    {
        for (var agents = 1; agents <= 30; agents++)
        for (var erlangs = 0.5; erlangs < agents; erlangs += 0.75)
        {
            double term = 1, sum = 1;
            for (var k = 1; k <= agents; k++) sum += term *= erlangs / k;
            var lastTerm = term;
            var blocking = lastTerm / sum;
            var waiting = lastTerm * agents / (agents - erlangs) / (sum - lastTerm + lastTerm * agents / (agents - erlangs));

            Assert.Equal(blocking, ErlangC.BlockingProbability(agents, erlangs), 12);
            Assert.Equal(waiting, ErlangC.ProbabilityOfWaiting(agents, erlangs), 12);
        }
    }
}

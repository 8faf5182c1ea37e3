using MathNet.Numerics.Distributions;
using QmInsights.Domain.Staffing;

namespace QmInsights.Tests.Staffing;

/// <summary>Erlang A (M/M/n+M) against the published identities that pin it down exactly, and the staffing it gives.</summary>
public sealed class ErlangATests
{
    // Mandelbaum, "Service Engineering", class 13 (QED Erlang-A), p. 3: "If θ = µ, the number-in-system of M/M/n+M has
    // the same distribution of a corresponding M/M/∞ ... Poisson(R), where R = λ/µ." So by PASTA P(W > 0) = P(L >= n),
    // and P(Ab) = θ·E[(L - n)+] / λ = E[(L - n)+] / R. Checked to 10 decimals (MathNet's Poisson CDF is exact to that).
    [Theory]
    [InlineData(10, 10.0)]
    [InlineData(12, 10.0)]
    [InlineData(95, 100.0)]
    [InlineData(3, 1.5)]
    public void With_patience_equal_to_handle_time_the_queue_is_the_infinite_server_Poisson(int agents, double erlangs)
    {
        var poisson = new Poisson(erlangs);
        var waiting = 1 - poisson.CumulativeDistribution(agents - 1);
        var queue = Enumerable.Range(agents + 1, 2000).Sum(k => (k - agents) * Math.Exp(poisson.ProbabilityLn(k)));

        var figures = ErlangA.Evaluate(agents, erlangs, 1, 0);

        Assert.Equal(waiting, figures.ProbabilityOfWaiting, 10);
        Assert.Equal(queue / erlangs, figures.AbandonmentProbability, 10);
        // Mandelbaum & Zeltyn, "The Palm/Erlang-A Queue" (2005), section 4.6: P(Ab) = θ·E[W].
        Assert.Equal(figures.AbandonmentProbability, figures.MeanWaitHandleTimes, 12);
    }

    // A published numeric example: the Erlang A guide of pyworkforce (https://pyworkforce.rodrigo-arenas.com/stable/guide/erlanga,
    // "Basic usage"; exact birth-death chain, abandoned callers not answered in time): 100 calls per 30 minutes, handle time
    // 3 min, mean patience 5 min, answer within 20 s; at its 13 agents it prints service level 0.858..., occupancy 0.750...,
    // abandonment 0.025..., waiting probability 0.226..., average speed of answer 0.125... min (over all callers): three
    // decimals, the precision it is checked to here. Load 10 erlangs, θ/μ = 3/5, 20 s = 1/9 handle time.
    [Fact]
    public void Matches_the_published_pyworkforce_example_to_its_three_decimals()
    {
        var figures = ErlangA.Evaluate(13, 10, 3.0 / 5, 20.0 / 180);

        Assert.Equal(0.858, figures.ServiceLevel, 3);
        Assert.Equal(0.750, figures.Occupancy, 3);
        Assert.Equal(0.025, figures.AbandonmentProbability, 3);
        Assert.Equal(0.226, figures.ProbabilityOfWaiting, 3);
        Assert.Equal(0.125, figures.MeanWaitHandleTimes * 3, 3);
    }

    // Patience a thousand times the handle time: nobody hangs up in practice, and Erlang A is Erlang C, here the Call Centre
    // Helper example the CRAN ErlangC README tabulates (14 agents: P_w 0.1741319, SL 0.8883500; see CallCentreHelperExampleTests).
    [Fact]
    public void With_near_infinite_patience_it_is_the_published_Erlang_C_table()
    {
        var figures = ErlangA.Evaluate(14, 10, 1e-4, 20.0 / 180);

        Assert.Equal(0.1741319, figures.ProbabilityOfWaiting, 4);
        Assert.Equal(0.8883500, figures.ServiceLevel, 4);
        Assert.True(figures.AbandonmentProbability < 1e-4);
    }

    // Brute force: the birth-death chain solved state by state, the answered-within-t share integrated by the ODE of the
    // caller's position in the queue (Euler, 20,000 steps). Not a published figure: a second, independent computation.
    [Theory]
    [InlineData(8, 9.0, 0.5, 0.2)]
    [InlineData(20, 15.0, 2.0, 0.1)]
    [InlineData(5, 2.0, 0.3, 0.05)]
    public void Agrees_with_the_birth_death_chain_solved_by_brute_force(int n, double erlangs, double ratio, double t)
    {
        const int states = 600;
        var p = new double[states];
        p[0] = 1;
        for (var k = 1; k < states; k++) p[k] = p[k - 1] * erlangs / (Math.Min(k, n) + Math.Max(0, k - n) * ratio);
        var sum = p.Sum();
        var waiting = p.Skip(n).Sum() / sum;
        var queue = p.Select((q, k) => q * Math.Max(0, k - n)).Sum() / sum;
        // u[j]: probability that a caller with j waiting ahead is answered within the remaining time.
        var u = new double[states];
        var steps = 20_000;
        var dt = t / steps;
        for (var s = 0; s < steps; s++)
        {
            var next = new double[states];
            for (var j = 0; j < states - n; j++)
                next[j] = u[j] + dt * ((n + j * ratio) * ((j == 0 ? 1 : u[j - 1]) - u[j]) - ratio * u[j]);
            u = next;
        }
        var inTime = p.Take(n).Sum() / sum + Enumerable.Range(n, states - n).Sum(k => p[k] / sum * u[k - n]);

        var figures = ErlangA.Evaluate(n, erlangs, ratio, t);

        Assert.Equal(waiting, figures.ProbabilityOfWaiting, 9);
        Assert.Equal(ratio * queue / erlangs, figures.AbandonmentProbability, 9);
        Assert.Equal(inTime, figures.ServiceLevel, 3);
    }

    [Fact]
    public void Erlang_A_needs_no_more_agents_than_Erlang_C_and_reports_the_abandonment_it_lets_happen()
    {
        var erlangC = new StaffingRequest(100, TimeSpan.FromMinutes(30), 180, 0.8, TimeSpan.FromSeconds(20), 0.85, 0.3);
        var erlangA = erlangC with { PatienceSeconds = 120 };

        var c = StaffingCalculator.Required(erlangC);
        var a = StaffingCalculator.Required(erlangA);

        Assert.Null(c.AbandonmentProbability);
        Assert.InRange(a.AgentsOnPhones, 1, c.AgentsOnPhones);
        Assert.True(a.ServiceLevel >= 0.8);
        Assert.InRange(a.AbandonmentProbability!.Value, 0, 0.1);
        Assert.True(StaffingCalculator.Evaluate(erlangA, a.AgentsOnPhones - 1).ServiceLevel < 0.8);
        // Fewer agents than Erlangs: Erlang C's queue explodes, Erlang A's settles with many callers hanging up.
        var overloaded = StaffingCalculator.Evaluate(erlangA, 8);
        Assert.True(overloaded.IsStable);
        Assert.InRange(overloaded.AbandonmentProbability!.Value, 0.1, 0.6);
    }
}

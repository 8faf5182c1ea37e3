using QmInsights.Domain.Staffing;

namespace QmInsights.Tests.Staffing;

/// <summary>Published examples other than the Call Centre Helper one, each to the precision it was published with.</summary>
public class ErlangCPublishedExampleTests
{
    [Fact]
    public void Ten_assistants_with_6_erlangs_wait_about_10_percent_of_the_time()
    {
        // Textbook exercise quoted in "Queuing Theory: How to Calculate the Probability of a Customer Joining a Queue
        // via Erlang C Curve" (Mathematics Stack Exchange question, stored in the Nemotron-CC-Math-v1 corpus,
        // https://huggingface.co/datasets/nvidia/Nemotron-CC-Math-v1): 120 customers an hour, 3 minutes each,
        // 10 assistants, so a = 6 Erlangs; "from the Erlang C curve ... the probability of waiting is about 0.10".
        var erlangs = TrafficIntensity.Erlangs(120, TimeSpan.FromHours(1), 180);

        Assert.Equal(6, erlangs, 12);
        Assert.Equal(0.10, ErlangC.ProbabilityOfWaiting(10, erlangs), 2);
    }

    [Fact]
    public void Twenty_four_five_minute_calls_an_hour_are_2_erlangs()
    {
        // "Erlang Cheatsheet", http://jungar.net/network/erlang.html: 24 calls in the busy hour x 5 minutes
        // = 120 minutes = 2 Erlangs.
        Assert.Equal(2, TrafficIntensity.Erlangs(24, TimeSpan.FromHours(1), 300), 12);
    }

    [Fact]
    public void Thirty_five_minute_calls_an_hour_are_2_and_a_half_erlangs()
    {
        // "What is Erlang?", https://telecomstudy18.blogspot.com: 30 calls in one hour x 5 minutes = 150 minutes
        // = 2.5 Erlangs.
        Assert.Equal(2.5, TrafficIntensity.Erlangs(30, TimeSpan.FromHours(1), 300), 12);
    }
}

using QmInsights.Domain.Staffing;

namespace QmInsights.Tests.Staffing;

/// <summary>Bad inputs are refused where they enter, with the name of the parameter at fault.</summary>
public class StaffingRequestValidationTests
{
    private static readonly StaffingRequest Valid = new(100, TimeSpan.FromMinutes(30), 180);

    [Fact]
    public void The_short_constructor_uses_the_industry_defaults()
    {
        Assert.Equal(new StaffingRequest(100, TimeSpan.FromMinutes(30), 180, 0.8, TimeSpan.FromSeconds(20), 0.85, 0.3),
            Valid);
    }

    public static TheoryData<string, Func<StaffingRequest>> Invalid => new()
    {
        { "CallsPerInterval", () => Valid with { CallsPerInterval = -1 } },
        { "CallsPerInterval", () => Valid with { CallsPerInterval = double.NaN } },
        { "CallsPerInterval", () => new StaffingRequest(double.PositiveInfinity, TimeSpan.FromMinutes(30), 180) },
        { "Interval", () => Valid with { Interval = TimeSpan.Zero } },
        { "Interval", () => new StaffingRequest(100, TimeSpan.FromMinutes(-30), 180) },
        { "AverageHandleSeconds", () => Valid with { AverageHandleSeconds = 0 } },
        { "AverageHandleSeconds", () => new StaffingRequest(100, TimeSpan.FromMinutes(30), -5) },
        { "ServiceLevelTarget", () => Valid with { ServiceLevelTarget = 0 } },
        { "ServiceLevelTarget", () => Valid with { ServiceLevelTarget = 1 } },
        { "ServiceLevelTarget", () => Valid with { ServiceLevelTarget = 80 } },
        { "AnswerWithin", () => Valid with { AnswerWithin = TimeSpan.FromSeconds(-1) } },
        { "MaxOccupancy", () => Valid with { MaxOccupancy = 0 } },
        { "MaxOccupancy", () => Valid with { MaxOccupancy = 1.2 } },
        { "Shrinkage", () => Valid with { Shrinkage = -0.1 } },
        { "Shrinkage", () => Valid with { Shrinkage = 1 } },
        { "Shrinkage", () => new StaffingRequest(100, TimeSpan.FromMinutes(30), 180, 0.8, TimeSpan.FromSeconds(20), 0.85, 30) },
    };

    [Theory, MemberData(nameof(Invalid))]
    public void Invalid_values_throw_naming_the_parameter(string parameter, Func<StaffingRequest> build)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => build());
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Boundary_values_are_accepted()
    {
        var request = Valid with { CallsPerInterval = 0, AnswerWithin = TimeSpan.Zero, MaxOccupancy = 1, Shrinkage = 0 };
        Assert.Equal(0, StaffingCalculator.Required(request).AgentsScheduled);
        Assert.Equal(0.9090909, StaffingCalculator.Evaluate(Valid with { Shrinkage = 0 }, 11).Occupancy, 7);
    }

    [Fact]
    public void The_free_functions_check_their_arguments_too()
    {
        Assert.Equal("agents", Assert.ThrowsAny<ArgumentException>(() => ErlangC.ProbabilityOfWaiting(-1, 5)).ParamName);
        Assert.Equal("erlangs", Assert.ThrowsAny<ArgumentException>(() => ErlangC.ProbabilityOfWaiting(5, -1)).ParamName);
        Assert.Equal("averageHandleSeconds",
            Assert.ThrowsAny<ArgumentException>(() => ErlangC.ServiceLevel(5, 1, 0, 20)).ParamName);
        Assert.Equal("answerWithinSeconds",
            Assert.ThrowsAny<ArgumentException>(() => ErlangC.ServiceLevel(5, 1, 180, -1)).ParamName);
        Assert.Equal("calls",
            Assert.ThrowsAny<ArgumentException>(() => TrafficIntensity.Erlangs(-1, TimeSpan.FromHours(1), 180)).ParamName);
        Assert.Equal("interval",
            Assert.ThrowsAny<ArgumentException>(() => TrafficIntensity.Erlangs(1, TimeSpan.Zero, 180)).ParamName);
        Assert.Equal("agentsOnPhones",
            Assert.ThrowsAny<ArgumentException>(() => StaffingCalculator.Evaluate(Valid, -1)).ParamName);
        Assert.Equal("shrinkage",
            Assert.ThrowsAny<ArgumentException>(() => StaffingCalculator.Scheduled(10, 1)).ParamName);
        Assert.Throws<ArgumentNullException>(() => StaffingCalculator.Required(null!));
    }
}

using QmInsights.Domain.Scorecards;
using static QmInsights.Tests.Scoring.Forms;

namespace QmInsights.Tests.Scoring;

public sealed class ScorecardHistoryTests
{
    private static readonly DateTimeOffset Jan = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Mar = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Jun = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static ScorecardVersion V(int n, DateTimeOffset from) =>
        new("sc", n, from, Definition(80, Section("s", 1, Item($"item{n}"))));

    // given out of order on purpose: the history sorts by version number
    private static ScorecardHistory History() => new([V(3, Jun), V(1, Jan), V(2, Mar)]);

    [Fact]
    public void Named_version_is_used_whatever_the_date()
    {
        // named 1, evaluated in July when version 3 is in force -> version 1
        var (version, error) = History().Resolve("sc", 1, new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Null(error);
        Assert.Equal(1, version!.Version);
    }

    [Fact]
    public void Unknown_named_version_is_an_error_naming_the_field_and_the_versions()
    {
        var (version, error) = History().Resolve("sc", 7, Mar);
        Assert.Null(version);
        Assert.Equal("scorecardVersion: scorecard 'sc' has no version 7 (versions 1-3)", error);
    }

    [Theory]
    [InlineData("2024-02-15T00:00:00Z", 1)]
    [InlineData("2024-02-29T23:59:59.9999999Z", 1)] // one tick before version 2
    [InlineData("2024-03-01T00:00:00Z", 2)]          // exactly at version 2's start
    [InlineData("2024-03-01T01:00:00+02:00", 1)]     // = 2024-02-29T23:00Z: the offset counts
    [InlineData("2024-04-15T12:00:00Z", 2)]
    [InlineData("2024-06-01T00:00:00Z", 3)]
    [InlineData("2030-01-01T00:00:00Z", 3)]
    public void Version_in_force_at_evaluatedAt_is_used(string evaluatedAt, int expected)
    {
        var (version, error) = History().Resolve("sc", null, DateTimeOffset.Parse(evaluatedAt, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(error);
        Assert.Equal(expected, version!.Version);
    }

    [Fact]
    public void Evaluation_before_the_first_version_uses_the_first_version()
    {
        var (version, error) = History().Resolve("sc", null, new DateTimeOffset(2019, 5, 5, 0, 0, 0, TimeSpan.Zero));
        Assert.Null(error);
        Assert.Equal(1, version!.Version);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    public void No_versions_is_an_error_naming_scorecardId(int? named)
    {
        var (version, error) = new ScorecardHistory([]).Resolve("billing", named, Mar);
        Assert.Null(version);
        Assert.NotNull(error);
        Assert.StartsWith("scorecardId:", error);
        Assert.Contains("'billing'", error);
        Assert.Contains("PUT /api/scorecards/billing", error);
    }

    [Fact]
    public void Latest_is_the_highest_version_or_null()
    {
        Assert.Equal(3, History().Latest!.Version);
        Assert.Null(new ScorecardHistory([]).Latest);
    }

    private static readonly ScorecardVersion Form = Version(80,
        Section("s1", 1, Item("a"), Item("b")),
        Section("s2", 1, Item("c")));

    [Fact]
    public void CheckAnswers_complete_answers_are_OK()
    {
        Assert.Null(ScorecardHistory.CheckAnswers(Form, Answers("c=na", "a=yes", "b=no")));
    }

    [Fact]
    public void CheckAnswers_names_an_unknown_item()
    {
        var error = ScorecardHistory.CheckAnswers(Form, Answers("a=yes", "b=no", "c=yes", "zzz=yes"));
        Assert.NotNull(error);
        Assert.StartsWith("answers:", error);
        Assert.Contains("'zzz'", error);
        Assert.DoesNotContain("'a'", error);
    }

    [Fact]
    public void CheckAnswers_names_a_missing_item()
    {
        var error = ScorecardHistory.CheckAnswers(Form, Answers("a=yes", "c=yes"));
        Assert.NotNull(error);
        Assert.StartsWith("answers:", error);
        Assert.Contains("'b'", error);
        Assert.DoesNotContain("'a'", error);
        Assert.Contains("\"na\"", error); // tells the evaluator how to answer a not-applicable item
    }

    [Fact]
    public void CheckAnswers_names_every_missing_item()
    {
        var error = ScorecardHistory.CheckAnswers(Form, Answers("b=yes"));
        Assert.Contains("'a', 'c'", error);
    }
}

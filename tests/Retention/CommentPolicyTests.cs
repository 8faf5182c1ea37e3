using System.Collections.Immutable;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Retention;

namespace QmInsights.Tests.Retention;

public sealed class CommentPolicyTests
{
    [Theory]
    [InlineData("Customer wrote from jane.doe+qm@example.co.uk about it", "Customer wrote from [email] about it", "email")]
    [InlineData("Call back on +47 912 34 567 tomorrow", "Call back on [phone] tomorrow", "phone")]
    [InlineData("Ring (020) 7946-0958 after five", "Ring [phone] after five", "phone")]
    [InlineData("Read out card 4111 1111 1111 1111 aloud!", "Read out card [card] aloud!", "card")]
    [InlineData("Card 4111-1111-1111-1111 on file", "Card [card] on file", "card")]
    public void Redaction_masks_emails_phone_numbers_and_card_like_digit_runs(string comment, string expected, string kind)
    {
        var (text, kinds) = CommentRedactor.Redact(comment);
        Assert.Equal(expected, text);
        Assert.Equal([kind], kinds);
    }

    [Theory]
    [InlineData("Good greeting, forgot to summarise (2 of 3 steps) on 2026-03-02 at 14:05, 45 s hold.")]
    [InlineData("Score 87.5%; ticket 123456 escalated")]
    [InlineData("Promised on 02.03.2026, done 2026-03-09")]
    public void Ordinary_comments_with_dates_scores_and_short_numbers_are_left_alone(string comment)
    {
        var (text, kinds) = CommentRedactor.Redact(comment);
        Assert.Equal(comment, text);
        Assert.Empty(kinds);
    }

    [Fact]
    public void Every_kind_found_is_reported_once()
    {
        var (text, kinds) = CommentRedactor.Redact("a@b.io, c@d.io, call 0612345678, card 5500000000000004");
        Assert.Equal("[email], [email], call [phone], card [card]", text);
        Assert.Equal(["email", "card", "phone"], kinds);
    }

    private static Evaluation WithComment(string? comment) => new("e1", "i1", "a1", "ev1", "sc", null, EvaluationKind.Regular,
        DateTimeOffset.Parse("2026-03-02T10:00:00Z"), ImmutableArray.Create(new ItemResponse("greet", ItemAnswer.Yes)), comment, 1);

    [Fact]
    public void Keep_stores_the_comment_as_written()
    {
        var (stored, removed) = CommentFilter.Apply(WithComment("mail me at x@y.com"), CommentPolicy.Keep);
        Assert.Equal("mail me at x@y.com", stored.Comment);
        Assert.Empty(removed);
    }

    [Fact]
    public void Redact_masks_and_says_what_it_removed_and_is_deterministic_so_resends_stay_duplicates()
    {
        var first = CommentFilter.Apply(WithComment("mail me at x@y.com"), CommentPolicy.RedactPatterns);
        var again = CommentFilter.Apply(WithComment("mail me at x@y.com"), CommentPolicy.RedactPatterns);
        Assert.Equal("mail me at [email]", first.Evaluation.Comment);
        Assert.Equal(["email"], first.Removed);
        Assert.Equal(first.Evaluation, again.Evaluation);
    }

    [Fact]
    public void Drop_stores_no_comment_and_an_evaluation_without_one_is_untouched()
    {
        var (stored, removed) = CommentFilter.Apply(WithComment("Polite and quick"), CommentPolicy.Drop);
        Assert.Null(stored.Comment);
        Assert.Equal(["all"], removed);
        Assert.Empty(CommentFilter.Apply(WithComment(null), CommentPolicy.Drop).Removed);
    }

    [Fact]
    public void Configuration_names_the_key_and_the_choices_when_the_policy_is_unknown()
    {
        Assert.Equal(CommentPolicy.RedactPatterns, CommentPolicies.Parse("redact-patterns"));
        Assert.Equal(CommentPolicy.RedactPatterns, CommentPolicies.Parse(null));
        var error = Assert.Throws<FormatException>(() => CommentPolicies.Parse("mask"));
        Assert.Contains("Retention:Comments: 'mask' is not one of keep, redact-patterns, drop", error.Message);
        Assert.Contains("Retention:RawFactMonths", Assert.Throws<FormatException>(() => RetentionOptions.From("0", null)).Message);
    }
}

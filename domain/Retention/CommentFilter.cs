using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Retention;

/// <summary>Applies a <see cref="CommentPolicy"/> to an evaluation before it is stored.</summary>
public static class CommentFilter
{
    /// <summary>The evaluation as it may be stored, and what was removed from its comment (empty: nothing).
    /// The same input always gives the same output, so a resent evaluation is still recognised as a duplicate.</summary>
    public static (Evaluation Evaluation, IReadOnlyList<string> Removed) Apply(Evaluation evaluation, CommentPolicy policy)
    {
        if (evaluation.Comment is not { } comment) return (evaluation, []);
        switch (policy)
        {
            case CommentPolicy.Drop:
                return (evaluation with { Comment = null }, ["all"]);
            case CommentPolicy.RedactPatterns:
                var (text, kinds) = CommentRedactor.Redact(comment);
                return kinds.Count == 0 ? (evaluation, []) : (evaluation with { Comment = text }, kinds);
            default:
                return (evaluation, []);
        }
    }
}

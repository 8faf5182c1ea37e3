namespace QmInsights.Domain.Retention;

/// <summary>What happens to an evaluation's free-text comment on ingestion. Evaluators write about the contact, so
/// a comment can quote the customer's e-mail address, phone number or card number.</summary>
public enum CommentPolicy
{
    /// <summary>Stored as written.</summary>
    Keep,
    /// <summary>E-mail addresses, phone numbers and card-like digit runs are masked before the comment is stored.</summary>
    RedactPatterns,
    /// <summary>No comment is stored at all.</summary>
    Drop,
}

public static class CommentPolicies
{
    /// <summary>The configuration spellings of <see cref="CommentPolicy"/>.</summary>
    public static readonly IReadOnlyDictionary<string, CommentPolicy> Names = new Dictionary<string, CommentPolicy>(StringComparer.OrdinalIgnoreCase)
    {
        ["keep"] = CommentPolicy.Keep, ["redact-patterns"] = CommentPolicy.RedactPatterns, ["drop"] = CommentPolicy.Drop,
    };

    /// <summary>Reads a configuration value; null or empty means redact (data minimisation unless told otherwise).</summary>
    public static CommentPolicy Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? CommentPolicy.RedactPatterns
        : Names.TryGetValue(text.Trim(), out var policy) ? policy
        : throw new FormatException($"Retention:Comments: '{text}' is not one of {string.Join(", ", Names.Keys)}");
}

namespace QmInsights.Domain.Facts;

/// <summary>The contract's id rule: a string of 1-128 characters.</summary>
public static class Ids
{
    public const int MaxLength = 128;

    public static bool IsValid(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= MaxLength && !id.Any(char.IsControl);

    /// <summary>Why <paramref name="id"/> is not valid, for an error message.</summary>
    public static string Describe(string? id) => id switch
    {
        null => "is missing",
        _ when string.IsNullOrWhiteSpace(id) => "must not be empty",
        _ when id.Length > MaxLength => $"is {id.Length} characters long; at most {MaxLength} are allowed",
        _ => "must not contain control characters",
    };
}

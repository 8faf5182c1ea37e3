using System.Text.RegularExpressions;

namespace QmInsights.Domain.Retention;

/// <summary>Masks customer contact and payment data in free text: e-mail addresses, phone numbers and card-like digit
/// runs (13-19 digits, with or without spaces or dashes). Each match becomes a fixed marker such as [email], so a
/// reader still sees that something was there and what kind it was.</summary>
public static partial class CommentRedactor
{
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Card = "card";

    // Cards first: a 16-digit run would otherwise also look like a phone number.
    [GeneratedRegex(@"(?<![\w.+-])[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CardPattern();

    // An optional +country or 00 prefix, then 7-15 digits that may be grouped by spaces, dashes, dots or brackets;
    // dates (2026-03-02, 02.03.2026) are not phone numbers.
    [GeneratedRegex(@"(?<![\w+])(?!\d{4}-\d\d-\d\d(?!\d)|\d\d?[./]\d\d?[./]\d{2,4}(?!\d))(?:\+|00)?\(?\d(?:[ .()-]{0,2}\d){6,14}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    /// <summary>The text with every match masked, and which kinds were found (empty when nothing was).</summary>
    public static (string Text, IReadOnlyList<string> Kinds) Redact(string text)
    {
        var kinds = new List<string>();
        text = Mask(text, EmailPattern(), Email, kinds);
        text = Mask(text, CardPattern(), Card, kinds);
        text = Mask(text, PhonePattern(), Phone, kinds);
        return (text, kinds);
    }

    private static string Mask(string text, Regex pattern, string kind, List<string> kinds)
    {
        if (!pattern.IsMatch(text)) return text;
        kinds.Add(kind);
        return pattern.Replace(text, $"[{kind}]");
    }
}

using System.Net.Mail;
using Microsoft.Extensions.Configuration;
using QmInsights.Domain.Delivery;

namespace QmInsights.Grains.Reports;

/// <summary>The mail server packs are sent through (<c>Reports:Smtp:*</c>) and how failing deliveries are retried
/// (<c>Reports:Delivery:*</c>). Without <c>Reports:Smtp:Host</c> nothing is sent (<see cref="Configured"/> is false).</summary>
/// <param name="StartTls">True (the default): the connection must be encrypted (STARTTLS, or TLS at once on port 465);
/// false: plain SMTP, only for a relay on loopback or a trusted network, and never with credentials.</param>
public sealed record SmtpSettings(string? Host, int Port, string From, string? UserName, string? Password, bool StartTls,
    DeliveryRetryPolicy Retry)
{
    public bool Configured => Host is not null;

    /// <summary>The domain of <see cref="From"/>, which ends every message id the engine makes.</summary>
    public string Domain => From.Length > 0 ? new MailAddress(From).Host : "qminsights.invalid";

    /// <summary>The settings from configuration; a wrong value stops the start with a message naming its key.</summary>
    public static SmtpSettings Read(IConfiguration configuration)
    {
        var smtp = configuration.GetSection("Reports:Smtp");
        var host = smtp["Host"] is { Length: > 0 } h ? h : null;
        var port = Number(smtp, "Port", 587, 1, 65535);
        var from = smtp["From"] ?? "";
        var startTls = smtp["StartTls"] is not { Length: > 0 } tls || (bool.TryParse(tls, out var b) ? b
            : throw Refusal("Reports:Smtp:StartTls", $"'{tls}' is not true or false"));
        var user = smtp["UserName"] is { Length: > 0 } u ? u : null;
        if (host is not null && !(MailAddress.TryCreate(from, out var address) && address.Address == from))
            throw Refusal("Reports:Smtp:From", $"'{from}' is not one e-mail address; packs are sent from it (e.g. qa-reports@example.com)");
        if (user is not null && !startTls && port != 465)
            throw Refusal("Reports:Smtp:StartTls", "credentials (Reports:Smtp:UserName) are only sent over an encrypted connection; set it to true");
        var delivery = configuration.GetSection("Reports:Delivery");
        var retry = new DeliveryRetryPolicy(Number(delivery, "MaxAttempts", DeliveryRetryPolicy.Default.MaxAttempts, 1, 100),
            TimeSpan.FromSeconds(Number(delivery, "FirstRetrySeconds", (int)DeliveryRetryPolicy.Default.FirstDelay.TotalSeconds, 1, 86400)),
            DeliveryRetryPolicy.Default.MaxDelay);
        return new SmtpSettings(host, port, from, user, smtp["Password"], startTls, retry);
    }

    private static int Number(IConfiguration section, string key, int fallback, int min, int max)
    {
        if (section[key] is not { Length: > 0 } text) return fallback;
        if (int.TryParse(text, out var n) && n >= min && n <= max) return n;
        throw Refusal($"{((IConfigurationSection)section).Path}:{key}", $"'{text}' must be a whole number from {min} to {max}");
    }

    private static InvalidOperationException Refusal(string key, string problem) => new($"{key}: {problem}");
}

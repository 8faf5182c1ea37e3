using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using QmInsights.Domain.Delivery;
using QmInsights.Reports.Pack;

namespace QmInsights.Grains.Reports;

/// <summary>Writes a pack e-mail (the PDF attached, the page-one summary as plain text) and hands it to the configured
/// SMTP server with MailKit.</summary>
public sealed class PackMailer(SmtpSettings settings)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    /// <summary>The message for <paramref name="delivery"/>: its address and message id, the pack and its summary.</summary>
    public MimeMessage Compose(PackDelivery delivery, string? teamId, byte[] pdf, IReadOnlyList<string> highlights, DateTimeOffset now)
    {
        var message = new MimeMessage { Subject = PackMailText.Subject(delivery.Month, teamId), MessageId = delivery.MessageId, Date = now };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(delivery.Email));
        var body = new BodyBuilder { TextBody = PackMailText.Body(delivery.Month, teamId, highlights, delivery.Role) };
        body.Attachments.Add(PackMailText.FileName(delivery.Month, teamId), pdf, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>Sends <paramref name="message"/>; throws what the server or the network answered.</summary>
    public async Task Send(MimeMessage message)
    {
        using var cancel = new CancellationTokenSource(Timeout);
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        var security = settings.Port == 465 ? SecureSocketOptions.SslOnConnect
            : settings.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Reports:Smtp:Host is not set"), settings.Port, security, cancel.Token);
        if (settings.UserName is { } user) await client.AuthenticateAsync(user, settings.Password ?? "", cancel.Token);
        await client.SendAsync(message, cancel.Token);
        await client.DisconnectAsync(quit: true, cancel.Token);
    }

    /// <summary>The failure in words for the log, and whether retrying can help: a 5xx answer (the server refused the message
    /// or the address for good), refused credentials and a failed TLS handshake are given up at once; a 4xx answer, a
    /// dropped or refused connection and a timeout are retried.</summary>
    public static (string Error, bool Permanent) Describe(Exception e) => e switch
    {
        SmtpCommandException c => ($"SMTP {(int)c.StatusCode} {c.Message}", (int)c.StatusCode >= 500),
        AuthenticationException => ($"authentication refused: {e.Message}", true),
        SslHandshakeException => ($"TLS handshake failed: {e.Message}", true),
        OperationCanceledException => ($"no answer from the mail server within {Timeout.TotalSeconds:0} s", false),
        _ => ($"{e.GetType().Name}: {e.Message}", false),
    };
}

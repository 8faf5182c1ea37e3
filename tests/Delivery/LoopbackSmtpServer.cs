using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using QmInsights.Silo.Hosting;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace QmInsights.Tests.Delivery;

/// <summary>A real SMTP server on a free loopback port (the SmtpServer package, in process) that keeps every message it
/// accepts, parsed with MimeKit, and can be told to answer an address with an SMTP error a number of times.</summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, (int Code, int Times)> _refusals = new(StringComparer.OrdinalIgnoreCase);
    private readonly Task _running;

    public LoopbackSmtpServer()
    {
        Port = FreePorts.Next();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Every message accepted, in order.</summary>
    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>The settings that make an engine send through this server.</summary>
    public IEnumerable<string> Settings =>
        ["--Reports:Smtp:Host=127.0.0.1", $"--Reports:Smtp:Port={Port}", "--Reports:Smtp:From=qa-reports@centre.example", "--Reports:Smtp:StartTls=false"];

    /// <summary>The next <paramref name="times"/> messages to <paramref name="email"/> are answered with <paramref name="code"/>.</summary>
    public void Refuse(string email, int code, int times) => _refusals[email] = (code, times);

    /// <summary>The messages accepted for <paramref name="email"/>.</summary>
    public List<MimeMessage> To(string email) =>
        Received.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running; }
        catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private sealed class Store(LoopbackSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            foreach (var to in transaction.To.Select(t => $"{t.User}@{t.Host}"))
                if (server._refusals.TryGetValue(to, out var refusal) && refusal.Times > 0)
                {
                    server._refusals[to] = refusal with { Times = refusal.Times - 1 };
                    return Task.FromResult(new SmtpResponse((SmtpReplyCode)refusal.Code, $"refused by the test server ({to})"));
                }
            using var stream = new MemoryStream(buffer.ToArray());
            server.Received.Enqueue(MimeMessage.Load(stream));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

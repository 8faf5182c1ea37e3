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
    private readonly ConcurrentDictionary<string, Hold> _holds = new(StringComparer.OrdinalIgnoreCase);

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

    /// <summary>The next message to <paramref name="email"/> is received but not answered until the hold is released, as a
    /// server that is slow to confirm (or a sender that stops before it hears the answer) would leave it.</summary>
    public Hold HoldNext(string email) => _holds[email] = new Hold();

    /// <summary>A message kept waiting for its answer: <see cref="Arrived"/> completes when it is in, <see cref="Release"/> answers it.</summary>
    public sealed class Hold
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Arrived => _arrived.Task;

        public void Release() => _released.TrySetResult();

        internal async Task Wait()
        {
            _arrived.TrySetResult();
            await _released.Task;
        }
    }

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
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            var message = buffer.ToArray();
            foreach (var to in transaction.To.Select(t => $"{t.User}@{t.Host}"))
                if (server._refusals.TryGetValue(to, out var refusal) && refusal.Times > 0)
                {
                    server._refusals[to] = refusal with { Times = refusal.Times - 1 };
                    return new SmtpResponse((SmtpReplyCode)refusal.Code, $"refused by the test server ({to})");
                }
            foreach (var to in transaction.To.Select(t => $"{t.User}@{t.Host}"))
                if (server._holds.TryRemove(to, out var hold)) await hold.Wait();
            using var stream = new MemoryStream(message);
            server.Received.Enqueue(MimeMessage.Load(stream));
            return SmtpResponse.Ok;
        }
    }
}

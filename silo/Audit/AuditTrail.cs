using System.Threading.Channels;
using QmInsights.Domain.Access;
using QmInsights.Grains.Telemetry;

namespace QmInsights.Silo.Audit;

/// <summary>Takes audit entries off the request path and writes them to the store in batches. Nothing is dropped:
/// a full queue makes requests wait, a failing store is retried, and on shutdown the queue is drained; only when the
/// store still fails then is each entry written to the log at Critical level, so it is never lost silently.</summary>
public sealed class AuditTrail(IAuditStore store, ILogger<AuditTrail> logger, EngineMetrics? metrics = null) : IHostedService, IAuditRecorder
{
    private const int BatchSize = 500;

    private readonly Channel<AuditEntry> _queue = Channel.CreateBounded<AuditEntry>(
        new BoundedChannelOptions(100_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly CancellationTokenSource _stopping = new();
    private Task _writer = Task.CompletedTask;
    private long _recorded;
    private long _written;

    public async ValueTask Record(AuditEntry entry)
    {
        Interlocked.Increment(ref _recorded);
        try
        {
            if (!_queue.Writer.TryWrite(entry)) await _queue.Writer.WriteAsync(entry);
        }
        catch (ChannelClosedException)
        {
            Lost([entry], "the audit trail had already stopped");
        }
    }

    /// <summary>The entries matching <paramref name="query"/>, after those recorded before the call are written.</summary>
    public async Task<List<AuditEntry>> Query(AuditQuery query, CancellationToken ct)
    {
        var target = Interlocked.Read(ref _recorded);
        // A query right after an audited request should see it; the writer is at most one batch behind.
        for (var waited = 0; Interlocked.Read(ref _written) < target && waited < 5000; waited += 10) await Task.Delay(10, ct);
        return await store.Query(query, ct);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer = Task.Run(WriteLoop, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        // Shutdown time is bounded by the host: retries of a failing store stop then, and what is left is logged.
        await using (cancellationToken.Register(_stopping.Cancel)) await _writer;
    }

    private async Task WriteLoop()
    {
        var batch = new List<AuditEntry>(BatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var entry)) batch.Add(entry);
            await Write(batch);
            Interlocked.Add(ref _written, batch.Count);
            batch.Clear();
        }
    }

    /// <summary>How often a failing batch is tried before its entries are tried one by one and the ones that still fail
    /// are dead-lettered: one entry the store refuses must not stop the trail.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Entries that could not be stored since start-up (written to the log at Critical level instead); the
    /// <c>audit</c> health check reports Degraded while it is above zero.</summary>
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    private long _deadLettered;

    private async Task Write(List<AuditEntry> batch)
    {
        if (await TryWrite(batch, MaxAttempts) is not { } error) return;
        if (batch.Count == 1 || _stopping.IsCancellationRequested)
        {
            DeadLetter(batch, error);
            return;
        }
        // Find the entries the store refuses; the others are written.
        foreach (var entry in batch)
            if (await TryWrite([entry], 1) is { } single)
                DeadLetter([entry], single);
    }

    private async Task<string?> TryWrite(List<AuditEntry> entries, int attempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.Append(entries, _stopping.Token);
                return null;
            }
            catch (Exception e) when (attempt < attempts && !_stopping.IsCancellationRequested)
            {
                logger.LogError(e, "Writing {Count} audit entries failed (attempt {Attempt} of {Attempts}); retrying", entries.Count, attempt, attempts);
                metrics?.AuditFailure(entries.Count, "retried");
                try { await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 50 * attempt * attempt)), _stopping.Token); }
                catch (OperationCanceledException) { }
            }
            catch (Exception e)
            {
                return e.Message;
            }
        }
    }

    private void DeadLetter(List<AuditEntry> entries, string why)
    {
        Interlocked.Add(ref _deadLettered, entries.Count);
        Lost(entries, why);
    }

    private static AuditEntry Escaped(AuditEntry e) => e with
    {
        Actor = Escape(e.Actor)!, Path = Escape(e.Path)!, Detail = Escape(e.Detail), AgentIds = [.. e.AgentIds.Select(a => Escape(a)!)],
    };

    private static string? Escape(string? text) => text is null ? null : System.Text.Json.JsonEncodedText.Encode(text).ToString();

    private void Lost(IReadOnlyCollection<AuditEntry> entries, string why)
    {
        metrics?.AuditFailure(entries.Count, "lost");
        // Every text is escaped as JSON, so a control character in an entry cannot forge or break log lines.
        foreach (var e in entries.Select(Escaped))
            logger.LogCritical("Audit entry not stored ({Why}): {At:o} {Actor} ({Role}, token {TokenId}) from {RemoteIp}: {Action} {Method} {Path} agents [{Agents}] -> {Status} {Detail}",
                why, e.At, e.Actor, e.Role, e.TokenId, e.RemoteIp, e.Action, e.Method, e.Path, string.Join(",", e.AgentIds), e.Status, e.Detail);
    }
}

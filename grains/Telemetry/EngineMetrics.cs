using System.Diagnostics.Metrics;

namespace QmInsights.Grains.Telemetry;

/// <summary>The engine's own instruments (meter <see cref="MeterName"/>), exported with Orleans' meters on /metrics:
/// records by kind and outcome, chunk latency, unconfirmed outbox batches, rebuild and pack durations, audit
/// failures.</summary>
public sealed class EngineMetrics
{
    /// <summary>The meter's name, for exporters to listen to.</summary>
    public const string MeterName = "QmInsights";

    private readonly Counter<long> _records;
    private readonly Histogram<double> _chunkSeconds;
    private readonly Gauge<long> _outboxPending;
    private readonly Histogram<double> _rebuildSeconds;
    private readonly Counter<long> _auditFailures;
    private readonly Histogram<double> _packSeconds;

    /// <summary>Creates the instruments on a meter of <paramref name="meters"/>.</summary>
    public EngineMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _records = meter.CreateCounter<long>("qm.ingest.records", "{record}",
            "Records received by kind (interaction, survey, evaluation) and outcome (accepted, duplicate, revised, superseded, rejected); rejections by reason, the field the reason names.");
        _chunkSeconds = meter.CreateHistogram<double>("qm.ingest.chunk.duration", "s",
            "Time to take one chunk of up to 5,000 validated records through the cluster (storage commit and aggregates included).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _outboxPending = meter.CreateGauge<long>("qm.outbox.pending", "{batch}",
            "Committed batches whose aggregate changes were unconfirmed past the grace period at the last recovery scan (each is then recovered).");
        _rebuildSeconds = meter.CreateHistogram<double>("qm.rebuild.duration", "s", "Duration of full aggregate rebuilds (POST /api/admin/rebuild).");
        _auditFailures = meter.CreateCounter<long>("qm.audit.failures", "{entry}",
            "Audit entries whose write failed: outcome retried (the store failed, the batch is written again) or lost (logged at Critical instead).");
        _packSeconds = meter.CreateHistogram<double>("qm.pack.render.duration", "s",
            "Time to gather and render one monthly pack, by scope (centre or team).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40] });
    }

    /// <summary>Counts <paramref name="count"/> records of <paramref name="kind"/> with <paramref name="outcome"/>.</summary>
    public void Records(string kind, string outcome, long count, string? reason = null)
    {
        if (count == 0) return;
        if (reason is null) _records.Add(count, new("kind", kind), new("outcome", outcome));
        else _records.Add(count, new("kind", kind), new("outcome", outcome), new("reason", reason));
    }

    /// <summary>One chunk of <paramref name="kind"/> took <paramref name="elapsed"/>.</summary>
    public void Chunk(string kind, TimeSpan elapsed) => _chunkSeconds.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>A recovery scan found <paramref name="batches"/> unconfirmed batches.</summary>
    public void OutboxPending(long batches) => _outboxPending.Record(batches);

    /// <summary>A rebuild took <paramref name="elapsed"/>.</summary>
    public void Rebuild(TimeSpan elapsed) => _rebuildSeconds.Record(elapsed.TotalSeconds);

    /// <summary><paramref name="entries"/> audit entries failed to be written (<paramref name="outcome"/>: retried or lost).</summary>
    public void AuditFailure(long entries, string outcome) => _auditFailures.Add(entries, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A pack of <paramref name="scope"/> took <paramref name="elapsed"/>.</summary>
    public void PackRendered(string scope, TimeSpan elapsed) => _packSeconds.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("scope", scope));
}

using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using QmInsights.Domain.Ingestion;
using QmInsights.Domain.Simulation;

namespace QmInsights.Silo.Bench;

/// <summary>The demo's centre (agents' contacts, abandoned contacts, surveys, evaluations) serialised once into NDJSON
/// batches in a temporary file before any clock starts, so neither generation nor the batches' bytes sit in the
/// measured process: a year of a large centre is over a gigabyte of NDJSON. Deleted on dispose.</summary>
public sealed class ScaleSpool : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"qm-scale-{Guid.NewGuid():N}.ndjson");
    private readonly SafeFileHandle _file;
    private readonly Dictionary<string, Kind> _kinds = new(StringComparer.Ordinal);

    /// <summary>One kind of fact: its endpoint, how many records, and where its batches lie in the file.</summary>
    public sealed record Kind(string Name, string Path, List<(long Offset, int Length)> Batches)
    {
        public long Records { get; set; }
    }

    /// <summary>The kinds in the order the demo posts them (contacts before their surveys and evaluations).</summary>
    public IReadOnlyList<Kind> Kinds => [_kinds["interactions"], _kinds["surveys"], _kinds["evaluations"]];

    public long Records => Kinds.Sum(k => k.Records);

    public ScaleSpool(CentreSimulation centre, TextWriter log)
    {
        _file = File.OpenHandle(_path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        var interactions = new BatchWriter(this, "interactions", "/api/interactions");
        var surveys = new BatchWriter(this, "surveys", "/api/surveys");
        var evaluations = new BatchWriter(this, "evaluations", "/api/evaluations");
        var done = 0;
        foreach (var month in centre.AgentMonths())
        {
            foreach (var i in month.Interactions) interactions.Add(w => ContractJson.Write(w, i));
            foreach (var s in month.Surveys) surveys.Add(w => ContractJson.Write(w, s));
            foreach (var e in month.Evaluations) evaluations.Add(w => ContractJson.Write(w, e));
            if (++done % 1000 == 0) log.WriteLine($"  generated {done:N0} agent-months, {interactions.Kind.Records:N0} contacts");
        }
        foreach (var a in centre.Abandoned()) interactions.Add(w => ContractJson.Write(w, a));
        foreach (var writer in new[] { interactions, surveys, evaluations }) writer.Flush();
    }

    /// <summary>One batch's NDJSON bytes.</summary>
    public async Task<byte[]> Read((long Offset, int Length) batch)
    {
        var bytes = new byte[batch.Length];
        var read = 0;
        while (read < bytes.Length) read += await RandomAccess.ReadAsync(_file, bytes.AsMemory(read), batch.Offset + read);
        return bytes;
    }

    public void Dispose() => _file.Dispose();

    /// <summary>Appends records of one kind to the current batch, writing the batch to the file when full.</summary>
    private sealed class BatchWriter
    {
        private readonly ScaleSpool _spool;
        private readonly MemoryStream _buffer = new();
        private readonly Utf8JsonWriter _writer;
        private int _count;

        public Kind Kind { get; }

        public BatchWriter(ScaleSpool spool, string name, string path)
        {
            _spool = spool;
            _writer = new Utf8JsonWriter(_buffer);
            Kind = spool._kinds[name] = new Kind(name, path, new());
        }

        public void Add(Action<Utf8JsonWriter> write)
        {
            write(_writer);
            _writer.Flush();
            _writer.Reset();
            _buffer.WriteByte((byte)'\n');
            Kind.Records++;
            if (++_count == BenchData.ChunkSize) Flush();
        }

        public void Flush()
        {
            if (_count == 0) return;
            var offset = RandomAccess.GetLength(_spool._file);
            RandomAccess.Write(_spool._file, _buffer.GetBuffer().AsSpan(0, (int)_buffer.Length), offset);
            Kind.Batches.Add((offset, (int)_buffer.Length));
            _buffer.SetLength(0);
            _count = 0;
        }
    }
}

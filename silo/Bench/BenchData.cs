using System.Text.Json;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Ingestion;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Scorecards;
using QmInsights.Domain.Simulation;

namespace QmInsights.Silo.Bench;

/// <summary>The benchmark's data, generated and serialised before any clock starts: the facts, their NDJSON bodies
/// as the API receives them, and the scored evaluations the SQL baseline stores.</summary>
public sealed class BenchData
{
    public const int ChunkSize = 5000;
    public const string InteractionsPath = "/api/interactions", SurveysPath = "/api/surveys", EvaluationsPath = "/api/evaluations";

    public CentreSimulation Centre { get; }
    public List<Interaction> Interactions { get; }
    public List<Survey> Surveys { get; }
    public List<ScoredEvaluation> Evaluations { get; }

    /// <summary>Each kind's NDJSON bodies of <see cref="ChunkSize"/> records, in the order a bench feeds them.</summary>
    public List<BenchKind> Kinds { get; } = new();

    public long Records => Interactions.Count + Surveys.Count + Evaluations.Count;

    public BenchData(SimulationOptions options)
    {
        Centre = new CentreSimulation(options);
        var months = Centre.AgentMonths().ToList();
        Interactions = months.SelectMany(m => m.Interactions).ToList();
        Surveys = months.SelectMany(m => m.Surveys).ToList();
        var history = new ScorecardHistory(Centre.ScorecardVersions.Select(v => new ScorecardVersion(DemoScorecard.Id, v.Version, v.ValidFrom, v.Definition)));
        Evaluations = months.SelectMany(m => m.Evaluations).Select(e =>
            new ScoredEvaluation(e, ScoreCalculator.Score(history.Resolve(e.ScorecardId, e.ScorecardVersion, e.EvaluatedAt).Version!, e.Answers))).ToList();
        Add("interactions", InteractionsPath, Interactions, ContractJson.Write);
        Add("surveys", SurveysPath, Surveys, ContractJson.Write);
        Add("evaluations", EvaluationsPath, Evaluations.Select(e => e.Evaluation).ToList(), ContractJson.Write);
    }

    private void Add<T>(string name, string path, List<T> facts, Action<Utf8JsonWriter, T> write)
    {
        var bodies = new List<byte[]>();
        foreach (var chunk in facts.Chunk(ChunkSize))
        {
            var buffer = new MemoryStream();
            foreach (var fact in chunk)
            {
                using (var writer = new Utf8JsonWriter(buffer)) write(writer, fact);
                buffer.WriteByte((byte)'\n');
            }
            bodies.Add(buffer.ToArray());
        }
        Kinds.Add(new BenchKind(name, path, facts.Count, bodies));
    }
}

/// <summary>One kind of fact as the bench posts it: its endpoint, how many records, and their NDJSON bodies.</summary>
public sealed record BenchKind(string Name, string Path, long Records, List<byte[]> Bodies);

namespace QmInsights.Domain.Ingestion;

/// <summary>How one kind of record is read: its known fields, those a CSV header must have, its id field, and the
/// mapping from fields to the fact (which adds a problem for every wrong field).</summary>
public sealed record RecordShape<T>(
    string Name,
    IReadOnlySet<string> Fields,
    IReadOnlyList<string> Required,
    string IdField,
    Func<IFieldSource, List<string>, T?> Read) where T : class;

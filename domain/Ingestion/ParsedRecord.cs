namespace QmInsights.Domain.Ingestion;

/// <summary>One record read from a body: the fact when it is valid, otherwise the problems, each naming its field.</summary>
/// <param name="Position">0-based index of the record in the body.</param>
/// <param name="Id">The record's id, when one could be read, so a rejection can be matched to its source.</param>
public sealed record ParsedRecord<T>(int Position, string? Id, T? Record, IReadOnlyList<string> Problems)
    where T : class;

namespace QmInsights.Domain.Ingestion;

/// <summary>The body as a whole cannot be read (broken JSON array, missing CSV header, empty body). Records read
/// before the break have already been handed out.</summary>
public sealed class MalformedBodyException(string message) : Exception(message);

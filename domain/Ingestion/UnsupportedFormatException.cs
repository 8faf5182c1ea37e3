namespace QmInsights.Domain.Ingestion;

/// <summary>The content type is not one the ingestion endpoints read.</summary>
public sealed class UnsupportedFormatException(string? contentType)
    : Exception($"Content-Type '{contentType}' is not supported; use application/json, application/x-ndjson or text/csv");

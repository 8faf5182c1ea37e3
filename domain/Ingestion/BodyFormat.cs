namespace QmInsights.Domain.Ingestion;

/// <summary>The three body formats of the ingestion endpoints.</summary>
public enum BodyFormat
{
    Json,
    Ndjson,
    Csv,
}

/// <summary>Chooses the format from a Content-Type header.</summary>
public static class BodyFormats
{
    public static BodyFormat FromContentType(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return media switch
        {
            "application/json" => BodyFormat.Json,
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" => BodyFormat.Ndjson,
            "text/csv" => BodyFormat.Csv,
            _ => throw new UnsupportedFormatException(contentType),
        };
    }
}

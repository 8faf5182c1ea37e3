namespace QmInsights.Domain.Ingestion;

/// <summary>Typed access to the fields of one record, whatever the body format. Each getter adds a problem naming
/// the field when the value is there but wrong, and returns null then or when the field is absent.</summary>
public interface IFieldSource
{
    bool Has(string field);

    string? String(string field, List<string> problems);

    long? Integer(string field, List<string> problems);

    double? Number(string field, List<string> problems);

    bool? Boolean(string field, List<string> problems);

    /// <summary>A duration in seconds: a number, or text in one of the forms <see cref="DurationText"/> reads.</summary>
    double? Seconds(string field, List<string> problems);

    /// <summary>The <c>answers</c> map, item id to answer text.</summary>
    IReadOnlyList<KeyValuePair<string, string>>? Map(string field, List<string> problems);

    /// <summary>The field names present in the record.</summary>
    IEnumerable<string> Names { get; }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QmInsights.Silo.Api;

/// <summary>Writes a figure that cannot be computed (NaN or infinite, such as the coverage of a backtest with no open
/// hours) as <c>null</c>, the contract's "no data", instead of failing the answer; reads numbers as the serializer
/// does (from strings too where the options allow), and never accepts "NaN" or "Infinity" in a request.</summary>
public sealed class NonFiniteAsNull : JsonConverter<double>
{
    /// <summary>A JSON number (or numeric string where the options allow it) as a finite double.</summary>
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number) return reader.GetDouble();
        if (reader.TokenType == JsonTokenType.String && options.NumberHandling.HasFlag(JsonNumberHandling.AllowReadingFromString)
            && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        throw new JsonException($"expected a finite number, found {reader.TokenType}");
    }

    /// <summary>The number, or null when it is not finite.</summary>
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteNullValue();
    }
}

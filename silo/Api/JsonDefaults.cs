using System.Text.Json;
using System.Text.Json.Serialization;

namespace QmInsights.Silo.Api;

/// <summary>The contract's JSON: camelCase names and camelCase enum strings.</summary>
public static class JsonDefaults
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        // A figure that cannot be computed (a backtest too short to measure coverage) is written "NaN", not a 500.
        options.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
    }

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        return options;
    }
}

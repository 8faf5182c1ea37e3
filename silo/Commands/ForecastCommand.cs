using System.Globalization;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights forecast --url URL [--token T] [--queue Q --channel C --from D --to D --interval hour]
/// [--item upsell --factor 2]</c>: a running engine's forecast, its backtest against seasonal-naive, the staffing of
/// the next peak and the staffing price of a quality scenario, as tables.</summary>
public static class ForecastCommand
{
    private static readonly string[] QueryOptions = ["queue", "channel", "from", "to", "interval", "country"];

    public static async Task<int> Run(string[] args)
    {
        using var engine = EngineClient.Parse("forecast", args,
            "[--queue Q] [--channel call|chat|email] [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--interval 15min|hour|day] [--country NO] [--item upsell] [--factor 2]",
            [.. QueryOptions, "item", "factor"]);
        if (engine is null) return 2;
        var factor = 2.0;
        if (engine.Options.TryGetValue("factor", out var text) && !(double.TryParse(text, CultureInfo.InvariantCulture, out factor) && factor > 0))
        {
            Console.Error.WriteLine($"forecast: --factor: '{text}' must be a number above 0");
            return 2;
        }
        Console.WriteLine("forecasting (backtest, training, staffing) ...");
        return await ForecastTables.Print(engine.Http, engine.Query(QueryOptions).TrimStart('?'), Console.Out, full: true,
            engine.Options.GetValueOrDefault("item", "upsell"), factor) ? 0 : 1;
    }
}

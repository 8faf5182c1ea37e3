using System.Net.Http.Headers;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights forecast --url URL [--token T] [--queue Q --channel C --from D --to D --interval hour]
/// [--item upsell --factor 2]</c>: a running engine's forecast, its backtest against seasonal-naive, the staffing of
/// the next peak and the staffing price of a quality scenario, as tables.</summary>
public static class ForecastCommand
{
    public static async Task<int> Run(string[] args)
    {
        string? url = null, token = null;
        var item = "upsell";
        var factor = 2.0;
        var query = new List<string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
            switch (args[i])
            {
                case "--url": url = args[i + 1]; break;
                case "--token": token = args[i + 1]; break;
                case "--item": item = args[i + 1]; break;
                case "--factor" when double.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var f) && f > 0: factor = f; break;
                case "--queue" or "--channel" or "--from" or "--to" or "--interval" or "--country":
                    query.Add($"{args[i][2..]}={Uri.EscapeDataString(args[i + 1])}");
                    break;
                default: return Usage($"{args[i]}: unknown option or bad value");
            }
        if (url is null || args.Length % 2 != 0) return Usage("--url is required");

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Console.WriteLine("forecasting (backtest, training, staffing) ...");
        return await ForecastTables.Print(http, string.Join('&', query), Console.Out, full: true, item, factor) ? 0 : 1;
    }

    private static int Usage(string error)
    {
        Console.Error.WriteLine($"forecast: {error}\nusage: qminsights forecast --url http://host:port [--token T] [--queue Q] [--channel call|chat|email] [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--interval 15min|hour|day] [--country NO] [--item upsell] [--factor 2]");
        return 2;
    }
}

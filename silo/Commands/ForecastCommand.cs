using System.CommandLine;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights forecast --url URL [--token T] [--queue Q --channel C --from D --to D --interval hour]
/// [--item upsell --factor 2]</c>: a running engine's forecast, its per-horizon backtest against seasonal-naive and the four-week mean, the staffing of
/// the next peak and the staffing price of a quality scenario, as tables.</summary>
public static class ForecastCommand
{
    /// <summary>The <c>forecast</c> command.</summary>
    public static Command Create()
    {
        var queue = new Option<string?>("--queue") { Description = "the queue to forecast", HelpName = "queue" };
        var channel = CliOptions.OneOf("--channel", "the channel to forecast", "call", "chat", "email");
        var (from, to) = (CliOptions.From(), CliOptions.To());
        var interval = CliOptions.OneOf("--interval", "forecast interval", "15min", "hour", "day");
        var country = new Option<string?>("--country") { Description = "public holidays of this country (ISO code, e.g. NO)", HelpName = "code" };
        var item = new Option<string>("--item") { Description = "scorecard item of the quality scenario", HelpName = "item", DefaultValueFactory = _ => "upsell" };
        var factor = CliOptions.Positive("--factor", "the scenario multiplies the item's adherence by this [default: 2]");
        var command = new Command("forecast", "Volume and handle-time forecast with prediction intervals, per-horizon backtest against seasonal-naive and the four-week mean, staffing of the next peak and the staffing price of a quality scenario.")
        {
            queue, channel, from, to, interval, country, item, factor,
        };
        return EngineClient.Command(command, async engine =>
        {
            Console.WriteLine("forecasting (backtest, training, staffing) ...");
            return await ForecastTables.Print(engine.Http, engine.Query(queue, channel, from, to, interval, country).TrimStart('?'), Console.Out, full: true,
                engine.Parsed.GetRequiredValue(item), engine.Parsed.GetValue(factor) ?? 2.0) ? 0 : Cli.Failure;
        });
    }
}

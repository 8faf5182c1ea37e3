using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Reports;
using QmInsights.Reports.Pack;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>Which months' next-peak outlooks are trained (the centre pack's forecast) and what training ahead is waiting
/// for. For qaManager and admin; queues and dates only, nothing personal.</summary>
public static class OutlookEndpoints
{
    /// <summary>Months back from the watched one (or the last complete month) whose outlooks are listed.</summary>
    private const int Months = 12;

    public static void MapPackOutlooks(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.QaManagement)
            .MapGet("/outlooks", async (IGrainFactory grains, TrainAheadSettings settings, TimeProvider clock) =>
            {
                var ahead = await grains.GetGrain<ITrainAheadGrain>("outlooks").State();
                var last = ahead.Month is { } watched && PackMonth.TryParse(watched, out var month) ? month : PackMonth.LastComplete(clock.GetUtcNow());
                var statuses = await Task.WhenAll(Enumerable.Range(0, Months).Select(k => PackMonth.Of(last.First.AddMonths(-k)))
                    .Select(m => grains.GetGrain<IPackOutlookGrain>(m.ToString()).Status()));
                return Results.Ok(new
                {
                    trainAhead = new { ahead.Month, ahead.QuietSince, ahead.Settling, quiet = settings.Quiet.ToString("c"), checkEvery = settings.CheckEvery.ToString("c") },
                    months = statuses.Where(s => s.TrainedAt is not null || s.TrainingSince is not null),
                });
            })
            .WithSummary("The months whose next-peak outlook (the centre pack's forecast) is trained or training, whether each still matches the data, and the month training ahead waits on.");
    }
}

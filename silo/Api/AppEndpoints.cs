using Microsoft.Extensions.FileProviders;

namespace QmInsights.Silo.Api;

/// <summary>The dashboard app: static HTML, CSS and JavaScript modules from wwwroot (copied next to the executable),
/// served at /app by the silo itself. The files are public; the data behind them is not.</summary>
public static class AppEndpoints
{
    public const string Path = "/app";

    public static void UseDashboardApp(this WebApplication app)
    {
        var files = new PhysicalFileProvider(System.IO.Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        // Relative links in the page need the trailing slash; routing would match /app/ too, so test the exact path.
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value != Path) return next(context);
            context.Response.Redirect($"{Path}/");
            return Task.CompletedTask;
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = Path });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = Path,
            // Small files: always revalidate, so a new build is picked up without a hard reload.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
    }
}

using Microsoft.AspNetCore.Builder;
using QmInsights.Domain.Simulation;
using QmInsights.Silo.Demo;
using QmInsights.Silo.Hosting;

namespace QmInsights.Tests.Api;

/// <summary>A host fed a small simulated centre through the API: scorecard, roster, contacts, surveys, evaluations.</summary>
public class SimulatedCentreFixture : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>September and October 2025 in Oslo: the period crosses the end of summer time (26 October).</summary>
    public static readonly SimulationOptions Centre = new()
    {
        Agents = 18, Teams = 3, Months = 2, ContactsPerAgentDay = 5, SurveyResponseRate = 0.3, EvaluationsPerAgentMonth = 6,
        TimeZone = "Europe/Oslo",
    };

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The host's services, for tests that call a service behind the API directly.</summary>
    public IServiceProvider Services => _app!.Services;

    public CentreSimulation Simulation { get; } = new(Centre);

    /// <summary>A token the host requires (Auth:AdminToken), or null for an open API.</summary>
    public virtual string? Token => null;

    public virtual async ValueTask InitializeAsync()
    {
        // No train-ahead ticker: tests that train ahead look at the data with clocks of their own, which a look on the real
        // clock in between would break.
        _app = QmHost.Build([.. FreePorts.LocalHostArgs(), $"--Centre:TimeZone={Centre.TimeZone}", "--Reports:TrainAhead:CheckEvery=0",
            .. Token is null ? [] : new[] { $"--Auth:AdminToken={Token}" }]);
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
        if (Token is not null) Http.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        var api = new ApiClient(Http, TextWriter.Null);
        foreach (var (_, validFrom, definition) in Simulation.ScorecardVersions)
            await api.PutScorecard(DemoScorecard.Id, definition, validFrom);
        foreach (var entry in Simulation.Roster()) await api.PutAgent(entry);
        var months = Simulation.AgentMonths().ToList();
        var facts = months.SelectMany(m => m.Interactions).Cast<object>().Concat(Simulation.Abandoned())
            .Concat(months.SelectMany(m => m.Surveys)).Concat(months.SelectMany(m => m.Evaluations)).ToList();
        foreach (var chunk in facts.Chunk(5000)) Assert.Empty((await FactPoster.Post(Http, chunk)).Rejected);
    }

    public virtual async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

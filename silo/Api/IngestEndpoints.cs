using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Ingestion;
using QmInsights.Domain.Ingestion.Profiles;
using QmInsights.Domain.Joins;
using QmInsights.Grains.Ingestion;
using QmInsights.Grains.Telemetry;
using QmInsights.Silo.Audit;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>The fact ingestion endpoints: JSON array, NDJSON or CSV; idempotent by id; per-record reasons.</summary>
public static class IngestEndpoints
{
    /// <summary>Records are taken through the cluster in chunks of this size, so a 100k-record body is never
    /// held in memory at once.</summary>
    public const int ChunkSize = 5000;

    public static void MapIngestion(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Ingestion").RequireAuthorization(Policies.Ingest);
        api.MapPost("/interactions", (HttpRequest request, FactIngestor ingestor) =>
                Ingest(request, FactShapes.Interaction, Audited<Interaction>(request, i => i.AgentId, ingestor.Ingest)))
            .Audited("ingest interactions")
            .WithSummary("Accepts interactions (JSON array, NDJSON or CSV; `?profile=` reads a source's own layout through an import profile); answers accepted, duplicates and per-record rejections.");
        api.MapPost("/surveys", (HttpRequest request, FactIngestor ingestor) =>
                Ingest(request, FactShapes.Survey, ingestor.Ingest))
            .WithSummary("Accepts surveys; one survey per interaction (its id is the interaction id).");
        api.MapPost("/evaluations", (HttpRequest request, FactIngestor ingestor) =>
                Ingest(request, FactShapes.Evaluation, Audited<Evaluation>(request, e => e.AgentId, ingestor.Ingest)))
            .Audited("ingest evaluations")
            .WithSummary("Accepts evaluations; a higher `revision` under the same evaluationId replaces the earlier one.");
    }

    // The audit trail names the agents a batch is about; a million contacts name a few hundred agents.
    // An abandoned contact names no agent.
    private static Func<IReadOnlyList<Positioned<T>>, Task<BatchReport>> Audited<T>(HttpRequest request, Func<T, string?> agentId,
        Func<IReadOnlyList<Positioned<T>>, Task<BatchReport>> ingest) => chunk =>
    {
        request.HttpContext.AuditAgents(chunk.Select(p => agentId(p.Fact)).OfType<string>());
        return ingest(chunk);
    };

    private static async Task<IResult> Ingest<T>(HttpRequest request, RecordShape<T> shape,
        Func<IReadOnlyList<Positioned<T>>, Task<BatchReport>> ingest) where T : class
    {
        BodyFormat format;
        try { format = BodyFormats.FromContentType(request.ContentType); }
        catch (UnsupportedFormatException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: e.Message);
        }

        var metrics = request.HttpContext.RequestServices.GetRequiredService<EngineMetrics>();
        var kind = typeof(T).Name.ToLowerInvariant();
        ImportProfile? profile = null;
        if (request.Query["profile"].ToString() is { Length: > 0 } profileId)
        {
            profile = await request.HttpContext.RequestServices.GetRequiredService<ImportProfiles>().Find(profileId);
            if (profile is null)
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["profile"] = [$"no import profile '{profileId}' (store one with PUT /api/import-profiles/{profileId}; shipped: {string.Join(", ", ShippedProfiles.ById.Keys)})"],
                });
        }

        var reader = new FactReader<T>(shape, profile);
        var report = new BatchReport();
        var chunk = new List<Positioned<T>>(ChunkSize);
        var ids = new Dictionary<int, string?>();
        var records = 0;
        try
        {
            await foreach (var parsed in reader.Read(request.Body, format, request.HttpContext.RequestAborted))
            {
                records++;
                if (parsed.Record is null)
                {
                    report.Reject(parsed.Position, parsed.Id, string.Join("; ", parsed.Problems));
                    continue;
                }
                chunk.Add(new Positioned<T>(parsed.Position, parsed.Record));
                if (chunk.Count == ChunkSize) await Flush();
            }
            await Flush();
        }
        catch (MalformedBodyException e)
        {
            return await Broken(StatusCodes.Status400BadRequest, "Malformed body", e.Message);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own refusals while the body is read: too large (413, also for a chunked body), cut short (400).
            return await Broken(e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Body too large" : "Body cannot be read",
                e.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? $"The body is larger than the {request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize:N0} bytes accepted " +
                      "(Http:MaxBodyBytes); split it into several requests"
                    : e.Message);
        }
        report.IgnoredFields.UnionWith(reader.IgnoredFields);
        Count(metrics, kind, report);

        if (records == 1 && report.Rejected.Count == 1)
        {
            var rejected = report.Rejected[0];
            return report.Conflicts == 1
                ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: rejected.Reason,
                    extensions: new Dictionary<string, object?> { ["report"] = Body(report) })
                : Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Invalid record", detail: rejected.Reason,
                    extensions: new Dictionary<string, object?> { ["report"] = Body(report) });
        }
        return Results.Ok(Body(report));

        // What was read before the break is accepted and stays accepted: the client can fix and resend the whole body,
        // and the records already in will be acknowledged as duplicates.
        async Task<IResult> Broken(int status, string title, string detail)
        {
            await Flush();
            report.IgnoredFields.UnionWith(reader.IgnoredFields);
            Count(metrics, kind, report);
            return Results.Problem(statusCode: status, title: title, detail: detail,
                extensions: new Dictionary<string, object?> { ["report"] = Body(report) });
        }

        async Task Flush()
        {
            if (chunk.Count == 0) return;
            var clock = Stopwatch.StartNew();
            report.Add(await ingest(chunk));
            metrics.Chunk(kind, clock.Elapsed);
            chunk = new List<Positioned<T>>(ChunkSize);
        }
    }

    private static object Body(BatchReport report) => new
    {
        accepted = report.Accepted,
        duplicates = report.Duplicates,
        revised = report.Revised,
        superseded = report.Superseded,
        rejected = report.Rejected.OrderBy(r => r.Position).Select(r => new { position = r.Position, id = r.Id, reason = r.Reason }),
        ignoredFields = report.IgnoredFields,
        redacted = report.Redacted.OrderBy(r => r.Position).Select(r => new { position = r.Position, id = r.Id, field = r.Field, removed = r.Removed }),
    };

    // Rejections are counted by the field their reason names (every reason starts with it): a bounded label set.
    private static void Count(EngineMetrics metrics, string kind, BatchReport report)
    {
        metrics.Records(kind, "accepted", report.Accepted);
        metrics.Records(kind, "duplicate", report.Duplicates);
        metrics.Records(kind, "revised", report.Revised);
        metrics.Records(kind, "superseded", report.Superseded);
        foreach (var byField in report.Rejected.GroupBy(r => ReasonField(r.Reason)))
            metrics.Records(kind, "rejected", byField.Count(), byField.Key);
    }

    private static string ReasonField(string reason)
    {
        var colon = reason.IndexOf(':');
        return colon is > 0 and <= 40 && reason[..colon].All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '[' or ']') ? reason[..colon] : "other";
    }
}

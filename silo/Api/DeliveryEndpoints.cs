using QmInsights.Domain.Access;
using QmInsights.Domain.Delivery;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Ingestion;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Live;
using QmInsights.Grains.Reports;
using QmInsights.Reports.Pack;
using QmInsights.Silo.Audit;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>Packs by e-mail: who receives which monthly pack (subscriptions), what was sent (the delivery log), and sending a
/// month now. For qaManager and admin; every request is audited (subscriptions and the log hold e-mail addresses).</summary>
public static class DeliveryEndpoints
{
    public static void MapPackDelivery(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.QaManagement);

        api.MapPut("/subscriptions/{subscriptionId}", async (string subscriptionId, HttpContext context, IGrainFactory grains,
                CentreService centre, TimeProvider clock) =>
            {
                if (!Ids.IsValid(subscriptionId)) return QueryEndpoints.InvalidId("subscriptionId", subscriptionId);
                var (root, malformed) = await DefinitionEndpoints.ReadJson(context.Request);
                if (malformed is not null) return malformed;
                var (request, problems) = SubscriptionRequest.Read(root);
                if (request is null) return DefinitionEndpoints.Invalid(problems, "Invalid subscription");
                // A team the centre does not know is a typo more often than a team still to come.
                if (request.TeamId is { } teamId && (await centre.Directory()).Teams.All(t => t.TeamId != teamId))
                    return DefinitionEndpoints.Invalid([$"scope: no team '{teamId}' in the roster or the data; a team id, or 'centre' for the whole centre"],
                        "Invalid subscription");
                var subscription = new PackSubscription(subscriptionId, request.Email, request.TeamId, request.Role, clock.GetUtcNow(),
                    context.User.Caller()!.Name);
                var created = await Subscriptions(grains).Put(subscription);
                context.AuditDetail($"{(created ? "created" : "replaced")} subscription {subscriptionId} ({subscription.Scope}, {Roles.Name(subscription.Role)})");
                return created ? Results.Created($"/api/reports/subscriptions/{subscriptionId}", Describe(subscription)) : Results.Ok(Describe(subscription));
            })
            .Audited("change pack subscription")
            .WithSummary("Creates (201) or replaces (200) a subscription { email, scope: \"centre\" | team id, role }: the monthly pack for that scope, made for that role, by e-mail.");

        api.MapGet("/subscriptions", async (IGrainFactory grains) => Results.Ok((await Subscriptions(grains).All()).Select(Describe)))
            .Audited("read pack subscriptions")
            .WithSummary("Every pack subscription with its e-mail address.");

        api.MapDelete("/subscriptions/{subscriptionId}", async (string subscriptionId, HttpContext context, IGrainFactory grains) =>
            {
                if (await Subscriptions(grains).Remove(subscriptionId) is not { } removed)
                    return Results.Problem(statusCode: 404, title: "Unknown subscription", detail: $"subscriptionId: no subscription '{subscriptionId}'");
                context.AuditDetail($"removed subscription {subscriptionId} ({removed.Scope}, {Roles.Name(removed.Role)})");
                return Results.Ok(Describe(removed));
            })
            .Audited("remove pack subscription")
            .WithSummary("Ends a subscription; the delivery log keeps what was sent to it.");

        api.MapGet("/deliveries", async (HttpContext context, IGrainFactory grains) =>
            {
                var month = context.Request.Query["month"].ToString();
                if (month.Length > 0 && !PackMonth.TryParse(month, out _))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["month"] = [$"'{month}' is not a month (yyyy-MM)"] });
                return Results.Ok(await Deliveries(grains).Log(month.Length > 0 ? month : null));
            })
            .Audited("read pack deliveries")
            .WithSummary("The delivery log (?month=yyyy-MM for one month): per month and subscription the status (pending, sent, failed), attempts, last error and message id.");

        api.MapPost("/monthly/{month}/send", async (string month, HttpContext context, IGrainFactory grains, SmtpSettings smtp,
                TimestampWindow window, TimeProvider clock) =>
            {
                var now = clock.GetUtcNow();
                if (ReportEndpoints.Month(month, window, now, out var packMonth) is { } badMonth) return badMonth;
                if (!smtp.Configured)
                    return Results.Problem(statusCode: 409, title: "No mail server",
                        detail: "Reports:Smtp:Host is not set: packs cannot be sent (see the README's Packs by e-mail)");
                var outcomes = await Deliveries(grains).Send(packMonth.ToString(), now, byHand: true);
                List<DeliveryOutcome> Of(DeliveryResult result) => outcomes.Where(o => o.Result == result).ToList();
                var (sent, skipped, failed) = (Of(DeliveryResult.Sent), Of(DeliveryResult.Skipped), Of(DeliveryResult.Failed));
                context.AuditDetail($"{packMonth}: sent {sent.Count}, skipped {skipped.Count}, failed {failed.Count}");
                return Results.Ok(new { month = packMonth.ToString(), sent, skipped, failed });
            })
            .Audited("send monthly packs")
            .WithSummary("Sends the month's pack now to every subscriber who has not received it (failed deliveries are tried again); answers what was sent, skipped and failed.");
    }

    private static ISubscriptionDirectoryGrain Subscriptions(IGrainFactory grains) => grains.GetGrain<ISubscriptionDirectoryGrain>("subscriptions");

    private static IPackDeliveryGrain Deliveries(IGrainFactory grains) => grains.GetGrain<IPackDeliveryGrain>("deliveries");

    private static object Describe(PackSubscription s) => new
    {
        id = s.Id,
        email = s.Email,
        scope = s.Scope,
        role = Roles.Name(s.Role),
        updatedAt = s.UpdatedAt,
        updatedBy = s.UpdatedBy,
    };
}

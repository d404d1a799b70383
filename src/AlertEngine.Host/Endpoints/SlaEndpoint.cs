using AlertEngine.Classify;
using AlertEngine.Sla;
using AlertEngine.Storage;

namespace AlertEngine.Host.Endpoints;

/// <summary>
/// <c>GET /api/v1/sla/summary?from=&amp;to=</c>: the SLA report of tickets whose clock started in
/// the window (default the last 30 days), per level and per customer: tickets, respond and resolve
/// met and breached, MTTA and MTTR (mean, 90th percentile) in business or wall time as the level
/// counts. Times are a local time in the team's zone or an ISO instant. Needs an API token.
/// </summary>
internal static class SlaEndpoint
{
    public static void MapSla(this WebApplication app) =>
        app.MapGroup("/api/v1/sla").AddEndpointFilter(ApiTokenFilter.CheckAsync).MapGet("/summary", Summary);

    private static IResult Summary(HttpRequest request, SqliteConnectionFactory connections, ISlaClock clock, RuleSetProvider rules, TimeProvider time)
    {
        if (!SlaWindow.TryRead(request.Query["from"], request.Query["to"], rules.Current.Settings.TimeZone, time.GetUtcNow(), out var from, out var to, out var errors))
        {
            return Results.ValidationProblem(
                errors.ToDictionary(e => e.Field, e => new[] { e.Reason }),
                string.Join("; ", errors.Select(e => $"{e.Field} {e.Reason}")),
                title: "Invalid SLA report window");
        }

        using var connection = connections.Open();
        return Results.Ok(SlaSummaryView.From(SlaSummaryBuilder.Build(from, to, SlaStore.ListForReport(connection, from, to), clock)));
    }
}

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
    /// <summary>The window when <c>from</c> is not given.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

    public static void MapSla(this WebApplication app) =>
        app.MapGroup("/api/v1/sla").AddEndpointFilter(ApiTokenFilter.CheckAsync).MapGet("/summary", Summary);

    private static IResult Summary(HttpRequest request, SqliteConnectionFactory connections, ISlaClock clock, RuleSetProvider rules, TimeProvider time)
    {
        var zone = rules.Current.Settings.TimeZone;
        var errors = new Dictionary<string, string[]>();
        var to = Read(request, "to", zone, errors) ?? time.GetUtcNow();
        var from = Read(request, "from", zone, errors) ?? to - DefaultWindow;
        if (errors.Count == 0 && from >= to)
        {
            errors["from"] = ["must be before to"];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, string.Join("; ", errors.Select(e => $"{e.Key} {e.Value[0]}")), title: "Invalid SLA report window");
        }

        using var connection = connections.Open();
        return Results.Ok(SlaSummaryView.From(SlaSummaryBuilder.Build(from, to, SlaStore.ListForReport(connection, from, to), clock)));
    }

    private static DateTimeOffset? Read(HttpRequest request, string name, TimeZoneInfo zone, Dictionary<string, string[]> errors)
    {
        if (!request.Query.TryGetValue(name, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (RuleInstant.TryParse(text, zone, out var instant))
        {
            return instant;
        }

        errors[name] = [$"must be {RuleInstant.Accepted}"];
        return null;
    }
}

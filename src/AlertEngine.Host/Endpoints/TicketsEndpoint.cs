using AlertEngine.Storage;
using AlertEngine.Tickets;

namespace AlertEngine.Host.Endpoints;

/// <summary>
/// <c>GET /api/v1/tickets</c> (filters: state, level, customer, type, limit) and
/// <c>GET /api/v1/tickets/{number}</c> with the ticket's Zabbix events and timeline; the writes
/// are in <see cref="TicketWritesEndpoint"/>. Every call needs an API token (<see cref="ApiTokenFilter"/>).
/// </summary>
internal static class TicketsEndpoint
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static void MapTickets(this WebApplication app)
    {
        var tickets = app.MapGroup("/api/v1/tickets").AddEndpointFilter(ApiTokenFilter.CheckAsync);
        tickets.MapGet("", List);
        tickets.MapGet("/{number}", Get);
        tickets.MapTicketWrites();
    }

    /// <summary>The single-ticket view: the ticket with its Zabbix events and its timeline.</summary>
    public static TicketView Detail(SqliteConnectionFactory connections, Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        using var connection = connections.Open();
        return TicketView.From(ticket) with
        {
            Events = TicketStore.ListEvents(connection, ticket.Id),
            Timeline = TicketStore.ListTimeline(connection, ticket.Id),
            Alerts = ticket.Type == TicketType.PROBLEM ? TicketStore.ListLinkedAlerts(connection, ticket.Id) : null,
        };
    }

    private static IResult List(HttpRequest request, SqliteConnectionFactory connections)
    {
        var q = request.Query;
        var errors = new Dictionary<string, string[]>();
        TicketState? state = null;
        SupportLevel? level = null;
        TicketType? type = null;
        if (q.TryGetValue("state", out var s))
        {
            if (TicketNames.TryParseState(s, out var v)) { state = v; } else { errors["state"] = ["must be one of open, acknowledged, resolved, closed"]; }
        }

        if (q.TryGetValue("level", out var l))
        {
            if (TicketNames.TryParseLevel(l, out var v)) { level = v; } else { errors["level"] = ["must be one of L1, L2, L3, L4"]; }
        }

        if (q.TryGetValue("type", out var t))
        {
            if (TicketNames.TryParseType(t, out var v)) { type = v; } else { errors["type"] = ["must be one of ALERT, PROBLEM, REQUEST, TASK, PROJECT"]; }
        }

        var limit = DefaultLimit;
        if (q.TryGetValue("limit", out var n) && (!int.TryParse(n, out limit) || limit < 1 || limit > MaxLimit))
        {
            errors["limit"] = [$"must be a whole number from 1 to {MaxLimit}"];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, string.Join("; ", errors.Select(e => $"{e.Key} {e.Value[0]}")), title: "Invalid ticket filter");
        }

        var customer = q.TryGetValue("customer", out var c) && !string.IsNullOrWhiteSpace(c) ? c.ToString().Trim().ToLowerInvariant() : null;
        using var connection = connections.Open();
        var tickets = TicketStore.List(connection, new TicketFilter(state, level, customer, type, limit));
        return Results.Ok(new { count = tickets.Count, tickets = tickets.Select(TicketView.From) });
    }

    private static IResult Get(string number, SqliteConnectionFactory connections)
    {
        Ticket? ticket;
        using (var connection = connections.Open())
        {
            ticket = TicketStore.FindByNumber(connection, number);
        }

        return ticket is null
            ? Results.Problem($"There is no ticket {number}.", statusCode: 404, title: "Ticket not found")
            : Results.Ok(Detail(connections, ticket));
    }
}

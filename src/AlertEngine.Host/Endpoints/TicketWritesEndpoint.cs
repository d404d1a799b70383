using AlertEngine.Storage;
using AlertEngine.Tickets;
using AlertEngine.Tickets.Api;

namespace AlertEngine.Host.Endpoints;

/// <summary>
/// <c>POST /api/v1/tickets</c> opens a REQUEST, TASK or PROJECT ticket;
/// <c>POST /api/v1/tickets/{number}/acknowledge|resolve|close|comment</c> moves one. Parses and
/// checks the body (400 naming each field), then hands over to <see cref="TicketDesk"/>:
/// 404 for an unknown number, 409 with the reason when the ticket's state does not allow it.
/// </summary>
internal static class TicketWritesEndpoint
{
    private static readonly string[] OpenFields = ["type", "level", "customer", "title", "description", "by"];
    private static readonly string[] ActionFields = ["by", "text"];

    public static void MapTicketWrites(this RouteGroupBuilder tickets)
    {
        tickets.MapPost("", OpenAsync);
        foreach (var action in Enum.GetValues<TicketAction>())
        {
            tickets.MapPost($"/{{number}}/{action.ToVerb()}", (string number, HttpRequest request, TicketDesk desk, SqliteConnectionFactory connections, CancellationToken cancellationToken) =>
                ChangeAsync(number, action, request, desk, connections, cancellationToken));
        }
    }

    private static async Task<IResult> OpenAsync(HttpRequest request, TicketDesk desk, SqliteConnectionFactory connections, CancellationToken cancellationToken)
    {
        var body = await TicketRequestBody.ReadAsync(request, OpenFields, emptyAllowed: false, cancellationToken);
        var check = NewTicketRules.Check(new NewTicketInput(body["type"], body["level"], body["customer"], body["title"], body["description"]));
        // A body that is not a JSON object has no fields to judge one by one.
        var errors = body.Errors.ContainsKey("body") ? body.Errors : Merge(body.Errors, check.Errors);
        AddByError(errors, body["by"]);
        if (errors.Count > 0)
        {
            return Invalid(errors, "Invalid ticket");
        }

        var actor = ApiActor.Format(ApiTokenFilter.TokenName(request.HttpContext), body["by"]);
        var ticket = await desk.OpenAsync(check.Ticket!, actor, cancellationToken);
        return Results.Created($"/api/v1/tickets/{Uri.EscapeDataString(ticket.Number)}", TicketsEndpoint.Detail(connections, ticket));
    }

    private static async Task<IResult> ChangeAsync(string number, TicketAction action, HttpRequest request, TicketDesk desk, SqliteConnectionFactory connections, CancellationToken cancellationToken)
    {
        var body = await TicketRequestBody.ReadAsync(request, ActionFields, emptyAllowed: action != TicketAction.Comment, cancellationToken);
        var errors = body.Errors;
        if (!errors.ContainsKey("body") && TicketNote.Check(action, body["text"]) is { } textError)
        {
            errors["text"] = [textError];
        }

        AddByError(errors, body["by"]);
        if (errors.Count > 0)
        {
            return Invalid(errors, $"Invalid {action.ToVerb()}");
        }

        var actor = ApiActor.Format(ApiTokenFilter.TokenName(request.HttpContext), body["by"]);
        var change = await desk.ChangeAsync(number, action, actor, body["text"], cancellationToken);
        return change.Status switch
        {
            TicketActionStatus.NotFound => Results.Problem(change.Reason, statusCode: StatusCodes.Status404NotFound, title: "Ticket not found"),
            TicketActionStatus.Refused => Results.Problem(
                change.Reason,
                statusCode: StatusCodes.Status409Conflict,
                title: $"The ticket cannot be {action.ToPast()} now",
                extensions: new Dictionary<string, object?> { ["state"] = change.Ticket!.State.ToName(), ["action"] = action.ToVerb() }),
            _ => Results.Ok(TicketsEndpoint.Detail(connections, change.Ticket!)),
        };
    }

    private static void AddByError(Dictionary<string, string[]> errors, string? by)
    {
        if (ApiActor.Check(by) is { } byError)
        {
            errors["by"] = [byError];
        }
    }

    private static Dictionary<string, string[]> Merge(Dictionary<string, string[]> first, IReadOnlyDictionary<string, string[]> second)
    {
        var merged = new Dictionary<string, string[]>(first, StringComparer.Ordinal);
        foreach (var (field, messages) in second)
        {
            merged[field] = merged.TryGetValue(field, out var existing) ? [.. existing, .. messages] : messages;
        }

        return merged;
    }

    private static IResult Invalid(Dictionary<string, string[]> errors, string title) =>
        Results.ValidationProblem(errors, string.Join("; ", errors.Select(e => $"{e.Key} {e.Value[0]}")), title: title);
}

using AlertEngine.Paging;
using AlertEngine.Tickets;

namespace AlertEngine.Host.Endpoints;

/// <summary>
/// The one-tap acknowledge link in every SMS (the way that works for +86 numbers, where Twilio
/// cannot take SMS replies): <c>GET /a/{token}</c> shows the ticket and a button and changes
/// nothing (phones and chat apps open links to preview them); <c>POST /a/{token}</c> acknowledges
/// that one ticket as the paged person, once. A tampered link is 400, an expired one 410.
/// </summary>
internal static class AckLinkEndpoint
{
    public static void MapAckLinks(this WebApplication app)
    {
        app.MapGet("/a/{token}", Show);
        app.MapPost("/a/{token}", ConfirmAsync);
    }

    private static IResult Show(string token, AckLinks links, PageAcknowledger acknowledger)
    {
        var check = links.Verify(token);
        if (acknowledger.FindLinked(check) is not { } linked)
        {
            return Invalid(check);
        }

        var (page, ticket) = linked;
        return ticket.State == TicketState.Open
            ? AckLinkPage.Html(StatusCodes.Status200OK, $"Ticket {ticket.Number}", Describe(ticket), $"Acknowledge as {page.Payload.PersonName}")
            : AckLinkPage.Html(StatusCodes.Status200OK, $"Ticket {ticket.Number}", Describe(ticket) + " " + State(ticket), button: null);
    }

    private static async Task<IResult> ConfirmAsync(string token, AckLinks links, PageAcknowledger acknowledger, CancellationToken cancellationToken)
    {
        var check = links.Verify(token);
        if (acknowledger.FindLinked(check) is not { } linked)
        {
            return Invalid(check);
        }

        var result = await acknowledger.LinkAsync(linked.Page, cancellationToken);
        return result.Status == TicketActionStatus.Done
            ? AckLinkPage.Html(StatusCodes.Status200OK, $"Acknowledged {linked.Ticket.Number}", $"Ticket {linked.Ticket.Number} is acknowledged by {linked.Page.Payload.PersonName}. The escalation stops.", button: null)
            : AckLinkPage.Html(StatusCodes.Status409Conflict, $"Ticket {linked.Ticket.Number}", result.Reason, button: null);
    }

    private static IResult Invalid(AckLinkCheck check) =>
        check.Valid
            ? AckLinkPage.Html(StatusCodes.Status404NotFound, "Unknown page", "This link names a page or ticket the engine does not know.", button: null)
            : check.Reason.StartsWith("expired", StringComparison.Ordinal)
                ? AckLinkPage.Html(StatusCodes.Status410Gone, "Link expired", $"This link {check.Reason}. Acknowledge by SMS reply, the call, or the ticket API.", button: null)
                : AckLinkPage.Html(StatusCodes.Status400BadRequest, "Link not valid", $"This link is not valid ({check.Reason}).", button: null);

    private static string Describe(Ticket ticket) =>
        $"{ticket.Level} {ticket.Customer ?? ""} {ticket.HostName ?? ticket.Host ?? ""}: {ticket.Title}".Replace("  ", " ", StringComparison.Ordinal);

    private static string State(Ticket ticket) => ticket.State switch
    {
        TicketState.Acknowledged => $"Already acknowledged by {ticket.AcknowledgedBy ?? "someone"}.",
        TicketState.Resolved => "Already resolved.",
        _ => $"It is {ticket.State.ToName()}.",
    };
}

using AlertEngine.Outbox;

namespace AlertEngine.Paging;

/// <summary>
/// A page as the page sender and the acknowledgements see it: its outbox row (kind <c>page.sms</c>
/// or <c>page.call</c>, target the phone number), its payload, the text sent, Twilio's id and the
/// delivery status Twilio last reported.
/// </summary>
public sealed record PageRow(
    OutboxMessage Message,
    PagePayload Payload,
    string? Body,
    string? ProviderId,
    long? BundledInto,
    string? DeliveryStatus)
{
    public long Id => Message.Id;

    public long TicketId => Message.TicketId ?? throw new InvalidOperationException($"page {Message.Id} has no ticket");

    public string Phone => Message.Target;

    public PageChannel Channel => Message.Kind == PageChannel.Call.ToOutboxKind() ? PageChannel.Call : PageChannel.Sms;
}

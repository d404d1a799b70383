namespace AlertEngine.Paging;

/// <summary>
/// What <see cref="AckLinks.Verify"/> found in a one-tap link's token. The ticket, page and expiry
/// are filled whenever the signature holds (so an expired link can still be logged by ticket);
/// only <see cref="Valid"/> says the link may acknowledge.
/// </summary>
/// <param name="Valid">True when the signature holds and the link has not expired.</param>
/// <param name="TicketNumber">The ticket the link acknowledges, when the signature holds.</param>
/// <param name="PageId">The page the link was sent in, when the signature holds.</param>
/// <param name="ExpiresAt">When the link stops working, when the signature holds.</param>
/// <param name="Reason"><c>valid</c>, <c>malformed</c>, <c>tampered</c> or <c>expired at …</c>.</param>
public sealed record AckLinkCheck(bool Valid, string? TicketNumber, long? PageId, DateTimeOffset? ExpiresAt, string Reason)
{
    internal static AckLinkCheck Malformed { get; } = new(false, null, null, null, "malformed");

    internal static AckLinkCheck Tampered { get; } = new(false, null, null, null, "tampered");
}

namespace AlertEngine.Paging;

/// <summary>An engineer's SMS reply as <see cref="SmsReply.Parse"/> read it.</summary>
/// <param name="Action">Acknowledge, resolve, or unknown.</param>
/// <param name="TicketNumber">
/// The ticket named (<c>1234</c>), or null: with <paramref name="All"/> for every open page of the
/// sender, without it for "the one open page" (a bare <c>1</c> or <c>ACK</c>; the caller decides which
/// page that is, or answers with help when there are several).
/// </param>
/// <param name="All">True for <c>ACK ALL</c>.</param>
/// <param name="Reason">How the reply was read, or why it was not understood; for the log.</param>
public sealed record SmsReplyCommand(SmsReplyAction Action, string? TicketNumber, bool All, string Reason);

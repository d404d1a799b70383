using AlertEngine.Tickets;

namespace AlertEngine.Paging;

/// <summary>
/// What a page is about, as <see cref="PageText"/> words it: the ticket, its level, the customer and
/// host when known, and the problem as Zabbix named it.
/// </summary>
/// <param name="TicketNumber">The ticket's short decimal number (<c>1234</c>); never shortened in a page.</param>
/// <param name="Level">The ticket's support level.</param>
/// <param name="Customer">The customer code (<c>NC</c>), or null when unknown.</param>
/// <param name="Host">The host name (<c>srv-nc-web1</c>), or null when the ticket has none.</param>
/// <param name="Problem">The problem text (<c>Disk full on /var</c>).</param>
public sealed record PageSubject(string TicketNumber, SupportLevel Level, string? Customer, string? Host, string Problem);

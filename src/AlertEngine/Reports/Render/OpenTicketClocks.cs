namespace AlertEngine.Reports.Render;

/// <summary>How every format orders open tickets and picks the clock that runs next.</summary>
internal static class OpenTicketClocks
{
    /// <summary>By level (L1 first), then oldest first, then by number.</summary>
    public static IReadOnlyList<OpenTicket> Ordered(IEnumerable<OpenTicket> tickets) =>
        [.. tickets.OrderBy(t => t.Level).ThenBy(t => t.OpenedAt).ThenBy(t => t.Number, StringComparer.Ordinal)];

    /// <summary>
    /// The deadline that runs next: respond while it is not decided, else resolve while it runs;
    /// null when neither runs (both decided, or no deadline).
    /// </summary>
    public static SlaClock? Next(OpenTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return Running(ticket.Respond) ? ticket.Respond : Running(ticket.Resolve) ? ticket.Resolve : null;
    }

    public static bool Running(SlaClock clock) => clock.Outcome is null && clock.Due is not null && clock.Left is not null;
}

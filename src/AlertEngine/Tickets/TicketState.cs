namespace AlertEngine.Tickets;

/// <summary>Where a ticket is in its life: open → acknowledged → resolved → closed.</summary>
public enum TicketState
{
    Open,
    Acknowledged,
    Resolved,
    Closed,
}

/// <summary>Database and API spelling of ticket enums.</summary>
public static class TicketNames
{
    public static string ToName(this TicketState state) => state.ToString().ToLowerInvariant();

    public static bool TryParseState(string? text, out TicketState state) =>
        Enum.TryParse(text, ignoreCase: true, out state) && Enum.IsDefined(state) && !int.TryParse(text, out _);

    public static bool TryParseLevel(string? text, out SupportLevel level) =>
        Enum.TryParse(text, ignoreCase: true, out level) && Enum.IsDefined(level) && !int.TryParse(text, out _);

    public static bool TryParseType(string? text, out TicketType type) =>
        Enum.TryParse(text, ignoreCase: true, out type) && Enum.IsDefined(type) && !int.TryParse(text, out _);

    /// <summary>True while someone still has to act on the ticket.</summary>
    public static bool IsActive(this TicketState state) => state is TicketState.Open or TicketState.Acknowledged;
}

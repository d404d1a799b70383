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

    public static bool TryParseState(string? text, out TicketState state) => TryParseName(text, out state);

    public static bool TryParseLevel(string? text, out SupportLevel level) => TryParseName(text, out level);

    public static bool TryParseType(string? text, out TicketType type) => TryParseName(text, out type);

    /// <summary>True while someone still has to act on the ticket.</summary>
    public static bool IsActive(this TicketState state) => state is TicketState.Open or TicketState.Acknowledged;

    /// <summary>
    /// Exactly one declared name, any case. Not Enum.TryParse: it reads "1" as a value and
    /// "L1,L2" as a combination (L3), which a query string like ?level=L1&amp;level=L2 produces.
    /// </summary>
    private static bool TryParseName<T>(string? text, out T value)
        where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }
}

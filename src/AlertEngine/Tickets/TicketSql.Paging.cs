namespace AlertEngine.Tickets;

/// <summary>Ticket queries the paging step needs.</summary>
internal static partial class TicketSql
{
    /// One ticket by id (primary key).
    public const string FindById = $"SELECT {TicketColumns} FROM tickets WHERE id = @id";
}

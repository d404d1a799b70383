namespace AlertEngine.Tickets;

/// <summary>
/// The SLA facts every acknowledgement and resolution records, whichever channel made it
/// (schema in Storage/Migrations/0008): the first response, and whether respond and resolve were
/// met or breached against the ticket's deadlines (undecided while it has none yet; the SLA
/// watcher decides once it gives them).
/// </summary>
internal static partial class TicketSql
{
    /// SET fragment for an acknowledgement at @at: the first one is the response.
    public const string RespondedAt = """
        responded_at = COALESCE(responded_at, @at),
            respond_state = CASE WHEN respond_by IS NULL THEN respond_state
                                 WHEN COALESCE(responded_at, @at) <= respond_by THEN 'met' ELSE 'breached' END
        """;

    /// SET fragment for a resolution at @at: decides resolve, and respond when nobody had to answer
    /// (the problem went away before the respond deadline: met; after it: breached).
    public const string ResolvedAt = """
        resolve_state = CASE WHEN resolve_by IS NULL THEN resolve_state WHEN @at <= resolve_by THEN 'met' ELSE 'breached' END,
            respond_state = CASE WHEN respond_state IS NOT NULL OR respond_by IS NULL THEN respond_state
                                 WHEN COALESCE(responded_at, @at) <= respond_by THEN 'met' ELSE 'breached' END
        """;
}

namespace AlertEngine.Tickets;

/// <summary>
/// The text a person adds with an action: required for a comment (it is the comment), optional
/// with acknowledge, resolve and close (e.g. "restarted php-fpm"), at most 4,000 characters.
/// </summary>
public static class TicketNote
{
    public const int MaxLength = 4_000;

    /// <summary>What is wrong with the text for this action, or null when it is fine.</summary>
    public static string? Check(TicketAction action, string? text)
    {
        var note = text?.Trim();
        return string.IsNullOrEmpty(note) ? (action == TicketAction.Comment ? "is required for a comment" : null)
            : note.Length > MaxLength ? $"must be at most {MaxLength} characters (it has {note.Length})"
            : null;
    }

    /// <summary>The timeline line for an action done through the API.</summary>
    public static string TimelineText(TicketAction action, string? text)
    {
        var note = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (action == TicketAction.Comment)
        {
            return note ?? "";
        }

        var done = action switch
        {
            TicketAction.Acknowledge => "Acknowledged",
            TicketAction.Resolve => "Resolved",
            _ => "Closed",
        };
        return note is null ? $"{done} through the API" : $"{done} through the API: {note}";
    }
}

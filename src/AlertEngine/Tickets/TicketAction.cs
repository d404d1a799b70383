namespace AlertEngine.Tickets;

/// <summary>What a person can do to a ticket through the API.</summary>
public enum TicketAction
{
    Acknowledge,
    Resolve,
    Close,
    Comment,
}

/// <summary>API and timeline spelling of <see cref="TicketAction"/>.</summary>
public static class TicketActionNames
{
    /// <summary>The verb as it appears in the URL: acknowledge, resolve, close, comment.</summary>
    public static string ToVerb(this TicketAction action) => action.ToString().ToLowerInvariant();

    /// <summary>The past participle used in reasons and timeline kinds: acknowledged, resolved, closed, commented on.</summary>
    public static string ToPast(this TicketAction action) => action switch
    {
        TicketAction.Acknowledge => "acknowledged",
        TicketAction.Resolve => "resolved",
        TicketAction.Close => "closed",
        _ => "commented on",
    };
}

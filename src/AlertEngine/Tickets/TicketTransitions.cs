namespace AlertEngine.Tickets;

/// <summary>
/// Whether an action is allowed in a state, what state it leads to, and why (a reason that is
/// logged, shown in the 409 and asserted by tests).
/// </summary>
public sealed record TicketTransition(bool Allowed, TicketState To, string Reason);

/// <summary>
/// The one table of what people may do to a ticket, for every type alike:
/// <code>
///                 acknowledge      resolve          close            comment
///   open          → acknowledged   → resolved       409              stays open
///   acknowledged  409              → resolved       409              stays acknowledged
///   resolved      409              409              → closed         stays resolved
///   closed        409              409              409              stays closed
/// </code>
/// Resolve from open is allowed (the fix came before anyone said "mine"). Close only from
/// resolved: closing is the check after the fix, so every closed ticket has a resolution on
/// record (who, when) and an open ALERT cannot be made to disappear while its problem is still
/// on. A comment never changes the state and is taken in every state, also on a closed ticket
/// (a post-mortem note). There is no way back to open: a problem that returns opens a new ALERT.
/// </summary>
public static class TicketTransitions
{
    public static TicketTransition Decide(TicketState from, TicketAction action) => (from, action) switch
    {
        (_, TicketAction.Comment) => Allow(from, $"a comment leaves the ticket {from.ToName()}"),
        (TicketState.Open, TicketAction.Acknowledge) => Allow(TicketState.Acknowledged, "open → acknowledged"),
        (TicketState.Acknowledged, TicketAction.Acknowledge) => Deny(from, "it was already acknowledged; an acknowledgement is given once"),
        (TicketState.Open or TicketState.Acknowledged, TicketAction.Resolve) => Allow(TicketState.Resolved, $"{from.ToName()} → resolved"),
        (TicketState.Resolved, TicketAction.Resolve) => Deny(from, "it was already resolved"),
        (TicketState.Resolved, TicketAction.Close) => Allow(TicketState.Closed, "resolved → closed"),
        (TicketState.Open or TicketState.Acknowledged, TicketAction.Close) => Deny(from, "only a resolved ticket can be closed; resolve it first"),
        (TicketState.Closed, TicketAction.Close) => Deny(from, "it was already closed"),
        _ => Deny(from, $"a {from.ToName()} ticket cannot be {action.ToPast()}"),
    };

    /// <summary>
    /// The whole sentence for a refusal: "ticket 1001 is closed: a closed ticket cannot be acknowledged".
    /// </summary>
    public static string Explain(string number, TicketState state, TicketTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return $"ticket {number} is {state.ToName()}: {transition.Reason}";
    }

    private static TicketTransition Allow(TicketState to, string reason) => new(true, to, reason);

    private static TicketTransition Deny(TicketState from, string reason) => new(false, from, reason);
}

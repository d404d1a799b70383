using AlertEngine.Storage;
using AlertEngine.Tickets;

namespace AlertEngine.Paging;

/// <summary>
/// A page that can never reach its person — failed for good when sent (an invalid or unsubscribed
/// number), or reported undelivered or failed by Twilio afterwards — moves the escalation chain of
/// each ticket it carried to its next step at once, instead of letting the chain wait for a step
/// whose person was never told. A chain already stopped (acknowledged, resolved) or done stays so.
/// </summary>
public sealed class PageFailureEscalation(EscalationStepper stepper)
{
    /// <summary>Fires the next step of each ticket's active chain, in the caller's transaction; returns the pages planned.</summary>
    public int Fire(DbSession session, IEnumerable<long> ticketIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(ticketIds);
        var planned = 0;
        foreach (var ticketId in ticketIds.Distinct())
        {
            if (EscalationStore.Find(session.Connection, ticketId, session.Transaction) is { State: "active" } chain
                && TicketStore.FindById(session.Connection, ticketId, session.Transaction) is { } ticket)
            {
                planned += stepper.Fire(session, chain, ticket, now, hurry: true).Pages;
            }
        }

        return planned;
    }

    /// <summary>
    /// True for a delivery status that means the person was never reached: an SMS <c>undelivered</c>
    /// or <c>failed</c>, a call <c>failed</c> (it could not be placed). A call <c>busy</c> or
    /// <c>no-answer</c> did reach a phone: the policy's own timing decides what follows.
    /// </summary>
    public static bool NeverReached(string? deliveryStatus) => deliveryStatus is "undelivered" or "failed";
}

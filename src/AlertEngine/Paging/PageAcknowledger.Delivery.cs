using AlertEngine.Storage;
using AlertEngine.Tickets;

namespace AlertEngine.Paging;

/// <summary>Twilio's delivery status callbacks: recorded on the pages, and a page that never reached its person moves its chains on.</summary>
public sealed partial class PageAcknowledger
{
    /// <summary>
    /// Records the delivery status Twilio reported for a message or call; returns how many pages it
    /// covered. A page that never reached its person moves its tickets' chains on at once
    /// (<see cref="PageFailureEscalation"/>), the first time Twilio says so (a redelivered callback does not).
    /// </summary>
    public async Task<int> DeliveryStatusAsync(string providerId, string status, string? errorCode, CancellationToken cancellationToken)
    {
        using var connection = connections.Open();
        int changed, planned = 0;
        using (await gate.EnterAsync(cancellationToken))
        {
            using var transaction = connection.BeginTransaction();
            var session = new DbSession(connection, transaction);
            var now = time.GetUtcNow();
            var pages = PageStore.ListByProvider(connection, providerId, transaction);
            changed = PageStore.SetDelivery(session, providerId, status, now);
            if (changed > 0 && IsFailure(status))
            {
                foreach (var page in pages)
                {
                    var code = string.IsNullOrEmpty(errorCode) ? "" : $" (Twilio {errorCode})";
                    TicketStore.AddTimeline(session, page.TicketId, new TimelineEntry(now, "page-status", PageSender.Actor, page.Channel.ToName(),
                        $"{(page.Channel == PageChannel.Call ? "Call" : "SMS")} to {page.Payload.PersonName} ({PhoneMask.Mask(page.Phone)}): {status}{code}"), inboxId: null);
                }

                if (PageFailureEscalation.NeverReached(status) && !pages.Any(p => PageFailureEscalation.NeverReached(p.DeliveryStatus)))
                {
                    planned = failures.Fire(session, pages.Select(p => p.TicketId), now);
                }
            }

            transaction.Commit();
        }

        if (planned > 0)
        {
            doorbell.Ring();
        }

        return changed;
    }

    private static bool IsFailure(string status) => status is "undelivered" or "failed" or "no-answer" or "busy" or "canceled";
}

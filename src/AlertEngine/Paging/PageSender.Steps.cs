using AlertEngine.Outbox;
using AlertEngine.Storage;
using AlertEngine.Tickets;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Paging;

/// <summary>The page sender's steps around the send: settle unknown outcomes, cancel, hold, record.</summary>
public sealed partial class PageSender
{
    /// <summary>
    /// Pages of one send left sending (a crash, a timeout): asks Twilio whether that text went out.
    /// Returns the pages to send again (not found); records the others.
    /// </summary>
    private async Task<IReadOnlyList<PageRow>> SettleUnknownAsync(SqliteConnection connection, PageChannel channel, List<PageRow> send, CancellationToken cancellationToken)
    {
        var primary = send.FirstOrDefault(r => r.BundledInto is null) ?? send[0];
        if (primary.Body is null)
        {
            return send;
        }

        PageSendResult? found;
        try
        {
            // A message or call one of our recorded sends carries is not this one (above all for a
            // call, which carries nothing of ours to match).
            var since = primary.Message.CreatedAt - TimeSpan.FromMinutes(1);
            var claimed = PageStore.ListClaimed(connection, primary.Phone, channel, since - TimeSpan.FromHours(1));
            found = await gateway.FindSentAsync(channel, primary.Phone, channel == PageChannel.Sms ? primary.Body : null, since, claimed, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            found = PageSendResult.RetryLater($"{ex.GetType().Name}: {ex.Message}", PageSendResult.UnknownOutcome);
        }

        if (found is null)
        {
            return send;
        }

        if (found.Verdict != PageSendVerdict.Sent)
        {
            found = found with { ErrorCode = PageSendResult.UnknownOutcome, Text = $"could not ask Twilio whether it went out: {found.Text}" };
        }

        await RecordAsync(connection, channel, send, found, cancellationToken);
        return [];
    }

    /// <summary>Cancels the pages whose ticket no longer needs them; returns the others.</summary>
    private async Task<List<PageRow>> CancelUnneededAsync(SqliteConnection connection, List<PageRow> rows, CancellationToken cancellationToken)
    {
        var unneeded = new List<(PageRow Row, string Reason)>();
        var needed = new List<PageRow>();
        foreach (var row in rows)
        {
            var ticket = TicketStore.FindById(connection, row.TicketId);
            var reason = ticket is null ? "its ticket is gone"
                : row.Payload.Reason == EscalationStepper.HardLimitReason ? (ticket.State.IsActive() ? null : $"ticket is {ticket.State.ToName()}")
                : EscalationStepper.StopReason(ticket);
            if (reason is null)
            {
                needed.Add(row);
            }
            else
            {
                unneeded.Add((row, reason));
            }
        }

        if (unneeded.Count > 0)
        {
            using (await gate.EnterAsync(cancellationToken))
            {
                using var transaction = connection.BeginTransaction();
                var session = new DbSession(connection, transaction);
                var now = time.GetUtcNow();
                foreach (var (row, reason) in unneeded)
                {
                    PageStore.Finish(session, row.Id, OutboxState.Cancelled, null, reason, null);
                    Timeline(session, row, now, "page-cancelled", $"{Describe(row)} not sent: ticket {row.Payload.TicketNumber} {reason}");
                    metrics.Page(row.Channel, "cancelled");
                }

                transaction.Commit();
            }
        }

        return needed;
    }

    /// <summary>
    /// True when the per-person limit holds these pages (they go out together when the window
    /// allows); an L1 page is never held, and takes the others with it.
    /// </summary>
    private async Task<bool> HoldForLimitAsync(SqliteConnection connection, PageChannel channel, List<PageRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Any(r => r.Payload.Level == SupportLevel.L1))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var limit = channel == PageChannel.Call ? _paging.CallsPerWindow : _paging.SmsPerWindow;
        var (count, earliest) = PageStore.CountSentSince(connection, rows[0].Phone, channel, now - _paging.RateWindow);
        if (count < limit)
        {
            return false;
        }

        var until = (earliest ?? now) + _paging.RateWindow;
        until = until > now ? until : now + TimeSpan.FromSeconds(1);
        var what = channel == PageChannel.Call ? "calls" : "SMS";
        var reason = $"held by the per-person limit ({count} {what} to {rows[0].Payload.PersonName} within {OutboxRetry.Format(_paging.RateWindow)}): goes out with any others due then, in {OutboxRetry.Format(until - now)}";
        using (await gate.EnterAsync(cancellationToken))
        {
            using var transaction = connection.BeginTransaction();
            var session = new DbSession(connection, transaction);
            foreach (var row in rows)
            {
                PageStore.Postpone(session, row.Id, until, reason);
                if (row.Message.LastError?.StartsWith("held by the per-person limit", StringComparison.Ordinal) != true)
                {
                    Timeline(session, row, now, "page-held", $"{Describe(row)} {reason}");
                }
            }

            transaction.Commit();
        }

        metrics.Page(channel, "held", rows.Count);
        return true;
    }

    private async Task RecordAsync(SqliteConnection connection, PageChannel channel, List<PageRow> rows, PageSendResult result, CancellationToken cancellationToken)
    {
        var planned = 0;
        var failed = false;
        using (await EnterGateAsync(rows, cancellationToken))
        {
            using var transaction = connection.BeginTransaction();
            var session = new DbSession(connection, transaction);
            var now = time.GetUtcNow();
            var bundle = rows.Count > 1 ? $" (one {(channel == PageChannel.Call ? "call" : "SMS")} for {rows.Count} alerts)" : "";
            var retry = OutboxRetry.Decide(rows.Max(r => r.Message.Attempts + (r.Message.State == OutboxState.Pending ? 1 : 0)), _outbox);
            failed = result.Verdict == PageSendVerdict.Failed || (result.Verdict == PageSendVerdict.RetryLater && retry.GiveUp);
            foreach (var row in rows)
            {
                if (result.Verdict == PageSendVerdict.Sent)
                {
                    PageStore.Finish(session, row.Id, OutboxState.Sent, now, null, result.ProviderId);
                    Timeline(session, row, now, "page-sent", $"{Describe(row)} sent{bundle} ({result.ProviderId}): {result.Text}");
                }
                else if (failed)
                {
                    var reason = result.Verdict == PageSendVerdict.Failed ? result.Text : $"{retry.Reason}: {result.Text}";
                    PageStore.Finish(session, row.Id, OutboxState.Failed, null, reason, null);
                    Timeline(session, row, now, "page-failed", $"{Describe(row)} failed: {reason}; the next escalation step goes now");
                }
                else if (result.ErrorCode == PageSendResult.UnknownOutcome)
                {
                    PageStore.Defer(session, row.Id, now + retry.Delay, result.Text);
                    Timeline(session, row, now, "page-retry", $"{Describe(row)}: outcome unknown, {retry.Reason} after asking Twilio: {result.Text}");
                }
                else
                {
                    PageStore.Postpone(session, row.Id, now + retry.Delay, result.Text);
                    Timeline(session, row, now, "page-retry", $"{Describe(row)} failed, {retry.Reason}: {result.Text}");
                }
            }

            if (failed)
            {
                planned = failures.Fire(session, rows.Select(r => r.TicketId), now);
            }

            transaction.Commit();
        }

        metrics.Page(channel, result.Verdict == PageSendVerdict.Sent ? "sent" : failed ? "failed" : "retried", rows.Count);
        var phone = PhoneMask.Mask(rows[0].Phone);
        LogOutcome(logger, channel, phone, rows.Count, result.Verdict, result.Text);
        if (planned > 0)
        {
            doorbell.Ring();
        }
    }

    private static void Timeline(DbSession session, PageRow row, DateTimeOffset now, string kind, string text) =>
        TicketStore.AddTimeline(session, row.TicketId, new TimelineEntry(now, kind, Actor, row.Channel.ToName(), text), inboxId: null);

    private static string Describe(PageRow row) =>
        $"{(row.Channel == PageChannel.Call ? "Call" : "SMS")} to {row.Payload.PersonName} ({PhoneMask.Mask(row.Phone)})";

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Page by {Channel} to {Phone} carrying {Pages} pages: {Verdict}, {Text}")]
    private static partial void LogOutcome(Microsoft.Extensions.Logging.ILogger logger, PageChannel channel, string phone, int pages, PageSendVerdict verdict, string text);
}

using System.Globalization;
using AlertEngine.Classify;
using AlertEngine.Ingest;
using AlertEngine.Pipeline;
using AlertEngine.Tickets;

namespace AlertEngine.Correlate;

/// <summary>
/// Puts the event on its ALERT ticket (opening one, adding an occurrence to the open one for the
/// same correlation key, or reopening the last one when it flaps back) and applies what it says:
/// an acknowledgement or comment goes on the timeline, a severity change re-levels the ticket, a
/// recovery resolves it once every folded-in problem has recovered. A key that keeps coming back
/// opens a PROBLEM ticket that counts its repeats. Any arrival order ends in the same ticket state.
/// The decisions are pure (<see cref="CorrelationDecision"/>, <see cref="FlapDecision"/>,
/// <see cref="ProblemDetector"/>, <see cref="SeverityDecision"/>); this stage reads their inputs and writes their results.
/// A PROBLEM that opens plans its Zabbix write-back as outbox rows in the pipeline's transaction
/// (never a call); an update that is AlertEngine's own write-back coming back only goes on the timeline.
/// </summary>
public sealed partial class CorrelateStage(ZabbixWriteBack writeBack) : IEventStage
{
    private const string Channel = "zabbix";

    public ValueTask<StageOutcome> RunAsync(EventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var e = context.RequireEvent();
        var classification = context.Classification
            ?? throw new InvalidOperationException("the event has not been classified yet: check the stage order in AlertEngineRegistration");
        var session = context.Session;

        var linked = TicketStore.FindByEvent(session, e.Server, e.EventId);
        if (linked is null && classification.Ignore)
        {
            // Ignored events are stored and never open or join a ticket; an event whose problem is
            // already on a ticket (the rule came later) still updates it, so nothing is left open forever.
            return ValueTask.FromResult(StageOutcome.Stopped(context, $"ignored by rule '{classification.Rule}': no ticket"));
        }

        var key = classification.CorrelationKey;
        var openForKey = linked is null ? TicketStore.FindOpenAlertByKey(session, key) : null;
        var flap = FlapVerdict.None;
        if (linked is null && openForKey is null)
        {
            var (lastResolved, recoveredAt) = TicketStore.FindLastResolvedAlert(session, key);
            flap = FlapDecision.Decide(e.ProblemAt, lastResolved, recoveredAt, classification.Flapping);
        }

        var plan = CorrelationDecision.Decide(e, linked, openForKey, flap);
        var recordedSeverity = linked is null ? e.Severity : TicketStore.FindEventSeverity(session, e.Server, e.EventId) ?? e.Severity;

        var ticket = Place(context, e, classification, plan);
        var problem = CountRecurrence(context, e, classification, plan.Placement, ticket);
        var writeBacks = problem.Action == ProblemAction.OpenProblem ? writeBack.ProblemOpened(session, problem.Problem!, context.Now) : 0;
        var resolved = Apply(context, e, ticket, plan.Change);
        var relevelled = plan.Change != TicketChange.OwnWriteBack && ReLevel(context, e, classification, ticket, recordedSeverity);

        var reason = $"ticket {ticket.Number}: {plan.Reason}" + (problem.Action == ProblemAction.None ? "" : $"; {problem.Reason}");
        var result = new CorrelationResult(ticket.Id, ticket.Number, plan.Placement == Placement.OpenTicket, resolved, reason)
        {
            Reopened = plan.Placement == Placement.ReopenFlapping,
            Relevelled = relevelled,
            ProblemTicketId = problem.Problem?.Id,
            ProblemOpened = problem.Action == ProblemAction.OpenProblem,
            WriteBacks = writeBacks,
        };
        return ValueTask.FromResult(StageOutcome.Continue(context with { Correlation = result }));
    }

    private static Ticket Place(EventContext context, ZabbixEvent e, Classification c, CorrelationPlan plan)
    {
        var session = context.Session;
        var zabbix = $"zabbix:{e.Server}";
        switch (plan.Placement)
        {
            case Placement.OpenTicket:
                var opened = TicketStore.OpenAlert(session, NewAlertFrom(e, c, e.EventName), context.Now);
                TicketStore.LinkEvent(session, opened.Id, e.Server, e.EventId, e.Severity, e.ProblemAt, cameBack: true);
                Timeline(context, opened, "opened", zabbix,
                    $"Opened {c.Level} from Zabbix {e.Kind.ToName()} event {e.EventId}: {e.EventName} on {e.HostName ?? e.Host} (severity {e.Severity}); {c.Reason}");
                return opened;

            case Placement.ReopenFlapping:
                var reopened = TicketStore.ReopenFlapping(session, plan.Ticket!.Id, context.Now);
                TicketStore.LinkEvent(session, reopened.Id, e.Server, e.EventId, e.Severity, e.ProblemAt, cameBack: true);
                TicketStore.AddOccurrence(session, reopened.Id, e.ProblemAt, context.Now);
                Timeline(context, reopened, "flapping", zabbix,
                    $"Reopened as flapping ({reopened.State.ToName()}) by problem event {e.EventId}: {plan.Reason}; "
                    + $"flap {Count(reopened.Flaps)}, occurrence {Count(reopened.Occurrences + 1)}");
                return reopened with { Occurrences = reopened.Occurrences + 1 };

            case Placement.AddOccurrence:
                var ticket = plan.Ticket!;
                TicketStore.LinkEvent(session, ticket.Id, e.Server, e.EventId, e.Severity, e.ProblemAt);
                TicketStore.AddOccurrence(session, ticket.Id, e.ProblemAt, context.Now);
                Timeline(context, ticket, "occurrence", zabbix,
                    $"Problem event {e.EventId} again: occurrence {Count(ticket.Occurrences + 1)} ({e.EventName})");
                return ticket with { Occurrences = ticket.Occurrences + 1 };

            default:
                return plan.Ticket!;
        }
    }

    /// <summary>Applies the event's change to its ticket; returns true when it resolved the ticket.</summary>
    private static bool Apply(EventContext context, ZabbixEvent e, Ticket ticket, TicketChange change)
    {
        var session = context.Session;
        var update = e.Update;
        switch (change)
        {
            case TicketChange.Acknowledge:
                // Acknowledged when it was done in Zabbix (the SLA's response), recorded now.
                TicketStore.Acknowledge(session, ticket.Id, update!.User, NotAfter(update.At, context.Now), context.Now);
                Timeline(context, ticket, "acknowledged", update.User, UpdateText(update));
                return false;

            case TicketChange.Unacknowledge:
                TicketStore.Unacknowledge(session, ticket.Id, context.Now);
                Timeline(context, ticket, "unacknowledged", update!.User, UpdateText(update));
                return false;

            case TicketChange.Comment:
                Timeline(context, ticket, "zabbix-update", update!.User, UpdateText(update));
                return false;

            case TicketChange.OwnWriteBack:
                // Our own acknowledgement or message, echoed by Zabbix's update action: taking it as
                // a person's would overwrite who acknowledged and plan another write-back (a loop).
                Timeline(context, ticket, "write-back-confirmed", update!.User, $"Zabbix confirms AlertEngine's write-back: {UpdateText(update)}");
                return false;

            case TicketChange.RecoverEvent:
                var recoveredAt = e.RecoveredAt ?? context.Now;
                var stillInProblem = TicketStore.MarkEventRecovered(session, ticket.Id, e.Server, e.EventId, e.RecoveryEventId, recoveredAt);
                Timeline(context, ticket, "event-recovered", $"zabbix:{e.Server}",
                    (e.PollerNote is { } note ? $"{note}: counted as recovered" : $"Problem event {e.EventId} recovered (recovery event {e.RecoveryEventId})")
                    + $"; {Count(stillInProblem)} still in problem");
                if (stillInProblem > 0 || !ticket.State.IsActive())
                {
                    return false;
                }

                // Resolved when Zabbix recovered it (the SLA's resolution), recorded now.
                TicketStore.Resolve(session, ticket.Id, $"zabbix:{e.Server}", NotAfter(recoveredAt, context.Now), context.Now);
                Timeline(context, ticket, "resolved", $"zabbix:{e.Server}", "Resolved: every problem event on this ticket has recovered in Zabbix");
                return true;

            default:
                return false;
        }
    }

    private static NewAlert NewAlertFrom(ZabbixEvent e, Classification c, string title) =>
        new(c.Level, c.Customer, c.Team, title, e.Server, e.TriggerId, e.Host, e.HostName, e.Severity, c.CorrelationKey, e.ProblemAt)
        {
            Rule = c.Rule,
            Page = c.Page.ToName(),
            SuppressedBy = c.SuppressedBy,
            Labels = c.Labels,
        };

    private static string UpdateText(ZabbixUpdate u)
    {
        var who = u.User ?? "someone";
        var severity = u.NewSeverity is { } s ? $" (severity now {s.ToString(CultureInfo.InvariantCulture)})" : "";
        var message = string.IsNullOrWhiteSpace(u.Message) ? "" : $": {u.Message}";
        return $"{who} {u.Action} in Zabbix{severity}{message}";
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void Timeline(EventContext context, Ticket ticket, string kind, string? actor, string text) =>
        TicketStore.AddTimeline(context.Session, ticket.Id, new TimelineEntry(context.Now, kind, actor, Channel, text), context.Inbox.Id);

    /// <summary>A time from Zabbix, but never later than now: a Zabbix clock running ahead must not date things in the future.</summary>
    private static DateTimeOffset NotAfter(DateTimeOffset? zabbix, DateTimeOffset now) => zabbix is { } at && at < now ? at : now;
}

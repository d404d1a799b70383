using AlertEngine.Classify;
using AlertEngine.Pipeline;
using AlertEngine.Tickets;

namespace AlertEngine.Paging;

/// <summary>
/// Starts the escalation chain of a ticket the event opened, in the pipeline's transaction, and
/// fires its first step at once so the first pages commit with the ticket and the page sender is
/// rung right after. Quiet where it should be: an occurrence folded into an open ALERT or an open
/// PROBLEM, an update, a recovery, a suppressed event and a <c>page: never</c> rule plan nothing; a
/// <c>page: business_hours</c> ticket outside business hours starts its chain at the next business
/// morning (the rules' calendar, holidays included).
/// </summary>
public sealed class PagePlanStage(RuleSetProvider rules, EscalationStepper stepper) : IEventStage
{
    public ValueTask<StageOutcome> RunAsync(EventContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Correlation is not { } correlation || context.Classification is not { } classification)
        {
            return Continue(context);
        }

        var plan = Decide(correlation.Opened, correlation.ProblemTicketId is not null && !correlation.ProblemOpened, classification);
        if (plan is not null)
        {
            return Continue(context with { Paging = new PagePlan(0, null, plan) });
        }

        var now = context.Now;
        var start = classification.Page == PagePolicy.BusinessHours ? rules.Current.Calendar.NextBusinessStart(now) : now;
        DateTimeOffset? held = start > now ? start : null;
        EscalationStore.Start(context.Session, correlation.TicketId, classification.Level, classification.Team, start, held, now);
        if (held is { } until)
        {
            TicketStore.AddTimeline(context.Session, correlation.TicketId, new TimelineEntry(now, "page-held", EscalationStepper.Actor, "page",
                $"Page held for business hours until {until.ToOffset(rules.Current.Settings.TimeZone.GetUtcOffset(until)):yyyy-MM-dd HH:mm zzz}"), context.Inbox.Id);
            return Continue(context with { Paging = new PagePlan(0, until, "held for business hours") });
        }

        var chain = EscalationStore.Find(context.Session.Connection, correlation.TicketId, context.Session.Transaction);
        var ticket = TicketStore.FindById(context.Session, correlation.TicketId);
        if (chain is null || ticket is null)
        {
            return Continue(context with { Paging = new PagePlan(0, null, "no chain") });
        }

        var fired = stepper.Fire(context.Session, chain, ticket, now);
        return Continue(context with { Paging = new PagePlan(fired.Pages, null, fired.Reason) });
    }

    /// <summary>Why an event plans no page, or null when its ticket starts an escalation chain.</summary>
    public static string? Decide(bool opened, bool foldedIntoProblem, Classification classification)
    {
        ArgumentNullException.ThrowIfNull(classification);
        return !opened ? "no new ticket: occurrences, updates and recoveries never page"
            : foldedIntoProblem ? "counted on its open PROBLEM: not paged again"
            : classification.Suppressed ? $"suppressed: {classification.SuppressedBy}"
            : classification.Page == PagePolicy.Never ? "page: never"
            : null;
    }

    private static ValueTask<StageOutcome> Continue(EventContext context) => ValueTask.FromResult(StageOutcome.Continue(context));
}

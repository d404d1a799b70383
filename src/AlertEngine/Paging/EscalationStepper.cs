using System.Globalization;
using AlertEngine.Classify;
using AlertEngine.Paging.Roster;
using AlertEngine.Storage;
using AlertEngine.Tickets;

namespace AlertEngine.Paging;

/// <summary>What firing a chain did: how many pages it planned, and why it stopped or what comes next.</summary>
public sealed record StepOutcome(int Pages, bool Stopped, string Reason);

/// <summary>
/// Fires a ticket's due escalation steps in the caller's session: asks the roster who each step's
/// targets are now (<see cref="PageTargets"/>), plans one page per person and channel (both must
/// accept the channel), writes a line on the ticket's timeline, and moves the chain to its next step
/// (<see cref="EscalationPlanner"/>). A ticket that is no longer open — acknowledged through any
/// channel, resolved or closed — stops its chain instead: any acknowledgement stops it.
/// </summary>
public sealed class EscalationStepper(RuleSetProvider rules)
{
    /// <summary>Who writes the escalation's timeline lines.</summary>
    public const string Actor = "AlertEngine";

    /// <summary>
    /// Fires the steps due at <paramref name="now"/>; with <paramref name="hurry"/> (a page failed for
    /// good) the next step fires now even when its time has not come.
    /// </summary>
    public StepOutcome Fire(DbSession session, Escalation chain, Ticket ticket, DateTimeOffset now, bool hurry = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(ticket);
        if (StopReason(ticket) is { } reason)
        {
            EscalationStore.Stop(session, chain.TicketId, reason, now);
            return new StepOutcome(0, true, reason);
        }

        var set = rules.Current;
        var timeline = EscalationPlanner.Timeline(set.Escalation.For(chain.Level), chain.StartedAt, ticket.Sla?.RespondBy);
        var (due, next) = EscalationPlanner.Due(timeline, chain.NextStep, now);
        if (hurry && due.Count == 0 && next is not null)
        {
            (due, next) = ([next], timeline.Skip(next.Index + 1).FirstOrDefault());
        }

        var pages = 0;
        if (due.Count > 0)
        {
            var duty = set.Roster.OnDutyAt(chain.Team, now);
            foreach (var step in due)
            {
                pages += FireStep(session, ticket, step, duty, set.Roster, now);
            }
        }

        EscalationStore.Advance(session, chain.TicketId, next?.Index ?? timeline.Count, next?.At, now);
        return new StepOutcome(pages, false, next is null ? "the last step fired" : $"next step at {next.At:O}");
    }

    /// <summary>The reason on a page to the manager at a passed hard limit: needed while the ticket is unresolved, acknowledged or not.</summary>
    public const string HardLimitReason = "hard limit";

    /// <summary>
    /// The SLA watcher escalated a passed hard limit: page the covering team's manager on every
    /// channel they take, once per ticket and deadline. Returns the pages planned.
    /// </summary>
    public int PageManager(DbSession session, Ticket ticket, DateTimeOffset hardLimit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(ticket);
        var set = rules.Current;
        var duty = set.Roster.OnDutyAt(ticket.Team ?? set.Settings.DefaultTeam, now);
        if (duty.Manager is not { } manager)
        {
            TicketStore.AddTimeline(session, ticket.Id, new TimelineEntry(now, "escalation", Actor, "page",
                $"SLA hard limit passed: no manager to page ({duty.Reason})"), inboxId: null);
            return 0;
        }

        var due = UnixTime.ToMs(hardLimit).ToString(CultureInfo.InvariantCulture);
        foreach (var channel in manager.Channels)
        {
            var payload = new PagePayload(ticket.Number, ticket.Level, ticket.Customer, ticket.HostName ?? ticket.Host, ticket.Title,
                manager.Id, manager.Name, manager.Language, -1, HardLimitReason);
            PageStore.Add(session, ticket.Id, channel, manager.Phone, payload, $"v1|hard-limit|{ticket.Id}|{due}|{manager.Id}|{channel.ToName()}", now, now);
        }

        TicketStore.AddTimeline(session, ticket.Id, new TimelineEntry(now, "escalation", Actor, "page",
            $"SLA hard limit passed: paging the manager {manager.Name} by {string.Join(" and ", manager.Channels.Select(c => c.ToName().ToUpperInvariant()))}"), inboxId: null);
        return manager.Channels.Count;
    }

    /// <summary>Why a ticket needs no more pages, or null while it is open and may page.</summary>
    public static string? StopReason(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.State switch
        {
            TicketState.Open when ticket.SuppressedBy is not null => $"suppressed: {ticket.SuppressedBy}",
            TicketState.Open when ticket.Page == PagePolicy.Never.ToName() => "its rule says page: never",
            TicketState.Open => null,
            TicketState.Acknowledged => $"acknowledged by {ticket.AcknowledgedBy ?? "someone"}",
            TicketState.Resolved => $"resolved{By(ticket.ResolvedBy)}",
            _ => $"ticket is {ticket.State.ToName()}",
        };
    }

    private static int FireStep(DbSession session, Ticket ticket, PlannedStep step, OnDuty duty, Roster.Roster roster, DateTimeOffset now)
    {
        var people = step.Step.Targets
            .Select(target => PageTargets.Resolve(target, duty, roster))
            .OfType<Person>()
            .DistinctBy(p => p.Id)
            .ToList();
        var number = (step.Index + 1).ToString(CultureInfo.InvariantCulture);
        if (people.Count == 0)
        {
            TicketStore.AddTimeline(session, ticket.Id, new TimelineEntry(now, "escalation", Actor, "page",
                $"Escalation step {number}: nobody to page ({duty.Reason})"), inboxId: null);
            return 0;
        }

        var planned = new List<string>();
        foreach (var person in people)
        {
            var channels = step.Step.Channels.Where(person.Channels.Contains).ToList();
            foreach (var channel in channels)
            {
                var payload = new PagePayload(ticket.Number, ticket.Level, ticket.Customer, ticket.HostName ?? ticket.Host, ticket.Title,
                    person.Id, person.Name, person.Language, step.Index, $"escalation step {number}");
                var key = $"v1|page|{ticket.Id}|{step.Index}|{person.Id}|{channel.ToName()}";
                PageStore.Add(session, ticket.Id, channel, person.Phone, payload, key, now, now);
            }

            planned.Add(channels.Count == 0
                ? $"{person.Name} (takes none of {string.Join(" and ", step.Step.Channels.Select(c => c.ToName()))})"
                : $"{person.Name} by {string.Join(" and ", channels.Select(c => c.ToName().ToUpperInvariant()))}");
        }

        TicketStore.AddTimeline(session, ticket.Id, new TimelineEntry(now, "escalation", Actor, "page",
            $"Escalation step {number} ({duty.CoveringTeam}, {duty.Shift}): paging {string.Join(", ", planned)}"), inboxId: null);
        return people.Sum(p => step.Step.Channels.Count(p.Channels.Contains));
    }

    private static string By(string? who) => who is null ? "" : $" by {who}";
}

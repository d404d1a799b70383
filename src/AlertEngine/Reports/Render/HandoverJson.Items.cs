using System.Text.Json;
using AlertEngine.Paging;
using AlertEngine.Tickets;

namespace AlertEngine.Reports.Render;

/// <summary>The report's lists of what happened in the shift.</summary>
public static partial class HandoverJson
{
    private static void Activity(Utf8JsonWriter json, ShiftActivity activity)
    {
        Array(json, "opened", activity.Opened, Movement);
        Array(json, "acknowledged", activity.Acknowledged, Movement);
        Array(json, "resolved", activity.Resolved, Movement);
        Array(json, "breached", activity.Breached, Breach);
    }

    private static void Movement(Utf8JsonWriter json, TicketMovement movement)
    {
        json.WriteStartObject();
        json.WriteString("number", movement.Number);
        json.WriteString("type", movement.Type.ToString());
        json.WriteString("level", movement.Level.ToString());
        json.WriteString("customer", movement.Customer);
        json.WriteString("host", movement.Host);
        json.WriteString("title", movement.Title);
        Instant(json, "at", movement.At);
        json.WriteString("by", movement.By);
        json.WriteEndObject();
    }

    private static void Breach(Utf8JsonWriter json, Breach breach)
    {
        json.WriteStartObject();
        json.WriteString("number", breach.Number);
        json.WriteString("level", breach.Level.ToString());
        json.WriteString("customer", breach.Customer);
        json.WriteString("title", breach.Title);
        json.WriteString("deadline", breach.Deadline);
        Instant(json, "dueAt", breach.DueAt);
        json.WriteEndObject();
    }

    private static void Problem(Utf8JsonWriter json, ProblemSummary problem)
    {
        json.WriteStartObject();
        json.WriteString("number", problem.Number);
        json.WriteString("level", problem.Level.ToString());
        json.WriteString("state", problem.State.ToName());
        json.WriteString("customer", problem.Customer);
        json.WriteString("title", problem.Title);
        json.WriteNumber("occurrences", problem.Occurrences);
        json.WriteNumber("linkedAlerts", problem.LinkedAlerts);
        Instant(json, "openedAt", problem.OpenedAt);
        json.WriteBoolean("openedInShift", problem.OpenedInShift);
        json.WriteEndObject();
    }

    private static void Noisy(Utf8JsonWriter json, NoisySource source)
    {
        json.WriteStartObject();
        json.WriteString("name", source.Name);
        json.WriteString("host", source.Host);
        json.WriteNumber("events", source.Events);
        json.WriteEndObject();
    }

    private static void Page(Utf8JsonWriter json, SentPage page)
    {
        json.WriteStartObject();
        json.WriteString("number", page.Number);
        json.WriteString("level", page.Level.ToString());
        json.WriteString("person", page.Person);
        json.WriteString("channel", page.Channel.ToName());
        Instant(json, "sentAt", page.SentAt);
        json.WriteString("deliveryStatus", page.DeliveryStatus);
        Seconds(json, "timeToAcknowledgeSeconds", page.TimeToAcknowledge);
        json.WriteString("acknowledgedBy", page.AcknowledgedBy);
        json.WriteString("acknowledgedVia", page.AcknowledgedVia);
        json.WriteEndObject();
    }

    private static void FailedPage(Utf8JsonWriter json, FailedPage page)
    {
        json.WriteStartObject();
        json.WriteString("number", page.Number);
        json.WriteString("level", page.Level.ToString());
        json.WriteString("person", page.Person);
        json.WriteString("channel", page.Channel.ToName());
        Instant(json, "at", page.At);
        json.WriteString("reason", page.Reason);
        json.WriteEndObject();
    }

    private static void HeldPage(Utf8JsonWriter json, HeldPage page)
    {
        json.WriteStartObject();
        json.WriteString("number", page.Number);
        json.WriteString("level", page.Level.ToString());
        json.WriteString("team", page.Team);
        json.WriteString("customer", page.Customer);
        json.WriteString("title", page.Title);
        Instant(json, "heldUntil", page.HeldUntil);
        json.WriteEndObject();
    }

    private static void Duty(Utf8JsonWriter json, DutyLine line)
    {
        json.WriteStartObject();
        json.WriteString("team", line.Team);
        json.WriteString("coveringTeam", line.CoveringTeam);
        json.WriteString("primary", line.Primary);
        json.WriteString("backup", line.Backup);
        json.WriteString("shift", line.Shift);
        Instant(json, "shiftEndsAt", line.ShiftEndsAt);
        json.WriteString("reason", line.Reason);
        json.WriteEndObject();
    }

    private static void Hour(Utf8JsonWriter json, HourCount hour)
    {
        json.WriteStartObject();
        Instant(json, "hourStart", hour.HourStart);
        json.WriteNumber("events", hour.Events);
        json.WriteEndObject();
    }
}

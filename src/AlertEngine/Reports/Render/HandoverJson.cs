using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using AlertEngine.Tickets;

namespace AlertEngine.Reports.Render;

/// <summary>
/// The handover report as JSON for other tools: indented, camelCase keys in English whatever the
/// language (which only sets <c>language</c>), enums as names (<c>L1</c>, <c>open</c>, <c>sms</c>),
/// instants as ISO-8601 UTC (<c>2026-03-02T07:55:00Z</c>), durations as whole seconds
/// (<c>leftSeconds</c>, negative once past), the zone's id, <c>totals</c> and <c>quiet</c>.
/// Every field is written, null when unknown; the same report gives the same bytes.
/// </summary>
public static partial class HandoverJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Render(HandoverReport report, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("language", language.ToName());
            json.WriteBoolean("quiet", report.IsQuiet);
            json.WriteStartObject("shift");
            Instant(json, "from", report.Shift.From);
            Instant(json, "to", report.Shift.To);
            json.WriteString("timeZone", report.Shift.TimeZone.Id);
            json.WriteEndObject();
            Instant(json, "generatedAt", report.GeneratedAt);
            Totals(json, ReportTotals.Of(report));
            Array(json, "openTickets", OpenTicketClocks.Ordered(report.OpenTickets), OpenTicket);
            Activity(json, report.Activity);
            Array(json, "problems", report.Problems, Problem);
            Array(json, "noisiestTriggers", report.NoisiestTriggers, Noisy);
            Array(json, "noisiestHosts", report.NoisiestHosts, Noisy);
            Array(json, "pages", report.Pages, Page);
            Array(json, "failedPages", report.FailedPages, FailedPage);
            Array(json, "heldPages", report.HeldPages, HeldPage);
            Array(json, "maintenance", report.Maintenance, (w, line) => w.WriteStringValue(line));
            Array(json, "calendarWarnings", report.CalendarWarnings, (w, line) => w.WriteStringValue(line));
            Array(json, "nextShift", report.NextShift, Duty);
            Array(json, "eventsPerHour", report.EventsPerHour, Hour);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Totals(Utf8JsonWriter json, ReportTotals totals)
    {
        json.WriteStartObject("totals");
        foreach (var (key, _, count) in totals.Named(ReportLabels.English))
        {
            json.WriteNumber(key, count);
        }

        json.WriteStartObject("openByLevel");
        foreach (var (level, open) in totals.OpenByLevel)
        {
            json.WriteNumber(level.ToString(), open);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void OpenTicket(Utf8JsonWriter json, OpenTicket ticket)
    {
        json.WriteStartObject();
        json.WriteString("number", ticket.Number);
        json.WriteString("type", ticket.Type.ToString());
        json.WriteString("level", ticket.Level.ToString());
        json.WriteString("state", ticket.State.ToName());
        json.WriteString("customer", ticket.Customer);
        json.WriteString("host", ticket.Host);
        json.WriteString("title", ticket.Title);
        Instant(json, "openedAt", ticket.OpenedAt);
        json.WriteString("holder", ticket.Holder);
        Clock(json, "respond", ticket.Respond);
        Clock(json, "resolve", ticket.Resolve);
        Instant(json, "hardLimitAt", ticket.HardLimitAt);
        json.WriteNumber("occurrences", ticket.Occurrences);
        json.WriteEndObject();
    }

    private static void Clock(Utf8JsonWriter json, string name, SlaClock clock)
    {
        json.WriteStartObject(name);
        Instant(json, "dueAt", clock.Due);
        Seconds(json, "leftSeconds", clock.Left);
        json.WriteString("outcome", clock.Outcome);
        json.WriteBoolean("past", clock.IsPast);
        json.WriteEndObject();
    }

    private static void Array<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            write(json, item);
        }

        json.WriteEndArray();
    }

    /// <summary>ISO-8601 in UTC with <c>Z</c>, milliseconds only when there are any; null when unknown.</summary>
    private static void Instant(Utf8JsonWriter json, string name, DateTimeOffset? instant)
    {
        if (instant is { } value)
        {
            json.WriteString(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Whole seconds (toward zero); null when unknown.</summary>
    private static void Seconds(Utf8JsonWriter json, string name, TimeSpan? duration)
    {
        if (duration is { } value)
        {
            json.WriteNumber(name, value.Ticks / TimeSpan.TicksPerSecond);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}

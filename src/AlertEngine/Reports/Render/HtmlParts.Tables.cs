using System.Globalization;

namespace AlertEngine.Reports.Render;

/// <summary>The tables both pages show: open tickets with their clocks, duty lines, held pages.</summary>
internal static partial class HtmlParts
{
    /// <summary>
    /// Open tickets by level (L1 first), one row per ticket (<c>data-ticket</c>), with their respond and
    /// resolve clocks in words. With <paramref name="countdown"/> a running clock carries its deadline in
    /// Unix milliseconds (<c>data-due</c>) for the status page's script.
    /// </summary>
    public static void OpenTickets(HtmlWriter html, IReadOnlyList<OpenTicket> tickets, LocalTime time, ReportLabels labels, bool countdown)
    {
        Section(html, "open-tickets", labels.OpenTickets);
        if (tickets.Count == 0)
        {
            html.Element("p", labels.NoOpenTickets).Close();
            return;
        }

        // The clocks and what it is come first: on a phone the table scrolls sideways, and the first
        // columns are what the engineer looks at.
        Table(html, labels.Ticket, labels.Level, labels.Respond, labels.Resolve, labels.Title, labels.Holder, labels.State, labels.Customer, labels.Host, labels.Type, labels.OpenedAt);
        foreach (var ticket in OpenTicketClocks.Ordered(tickets))
        {
            html.Open("tr", ("data-ticket", ticket.Number), ("data-level", ticket.Level.ToString()));
            html.Element("td", ticket.Number);
            Level(html, ticket.Level);
            Clock(html, ticket.Respond, "respond", labels, countdown);
            Clock(html, ticket.Resolve, "resolve", labels, countdown);
            html.Open("td").Text(ticket.Title);
            if (ticket.Occurrences > 1)
            {
                html.Text(" ").Element("small", $"×{ticket.Occurrences.ToString(CultureInfo.InvariantCulture)}");
            }

            html.Close();
            Cells(html, ticket.Holder ?? labels.Nobody, labels.Name(ticket.State), ticket.Customer, ticket.Host, ticket.Type.ToString(), time.Show(ticket.OpenedAt));
            html.Close();
        }

        EndTable(html).Close();
    }

    /// <summary>Who holds each team's pager: names, the covering team, the shift and its end, or why nobody.</summary>
    public static void DutyLines(HtmlWriter html, string id, string heading, IReadOnlyList<DutyLine> lines, LocalTime time, ReportLabels labels)
    {
        if (lines.Count == 0)
        {
            return;
        }

        Section(html, id, heading);
        Table(html, labels.Team, labels.Primary, labels.Backup, labels.Shift, labels.Until);
        foreach (var line in lines)
        {
            html.Open("tr", ("data-team", line.Team));
            Cells(
                html,
                line.CoveringTeam is null ? line.Team : $"{line.Team} ({labels.Covered(line.CoveringTeam)})",
                line.Primary ?? line.Reason ?? labels.Nobody,
                line.Backup,
                line.Shift,
                time.Show(line.ShiftEndsAt));
            html.Close();
        }

        EndTable(html).Close();
    }

    /// <summary>Tickets whose pages wait for business hours, and when they go out.</summary>
    public static void HeldPages(HtmlWriter html, IReadOnlyList<HeldPage> pages, LocalTime time, ReportLabels labels)
    {
        if (pages.Count == 0)
        {
            return;
        }

        Section(html, "held-pages", labels.HeldPages);
        Table(html, labels.Ticket, labels.Level, labels.Team, labels.Customer, labels.Title, labels.HeldUntil);
        foreach (var page in pages)
        {
            html.Open("tr", ("data-ticket", page.Number)).Element("td", page.Number);
            Level(html, page.Level);
            Cells(html, page.Team, page.Customer, page.Title, time.Show(page.HeldUntil)).Close();
        }

        EndTable(html).Close();
    }

    private static void Clock(HtmlWriter html, SlaClock clock, string deadline, ReportLabels labels, bool countdown)
    {
        var state = clock.Outcome ?? (clock.IsPast ? "past" : null);
        var due = countdown && OpenTicketClocks.Running(clock)
            ? clock.Due!.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)
            : null;
        html.Open("td").Element("span", labels.Clock(clock), ("class", state is null ? "clock" : $"clock {state}"), ("data-deadline", deadline), ("data-due", due)).Close();
    }
}

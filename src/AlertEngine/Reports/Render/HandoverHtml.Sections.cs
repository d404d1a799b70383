namespace AlertEngine.Reports.Render;

/// <summary>The report's tables of what happened in the shift.</summary>
public static partial class HandoverHtml
{
    private static void Activity(HtmlWriter html, ShiftActivity activity, LocalTime time, ReportLabels labels)
    {
        if (activity.IsEmpty)
        {
            return;
        }

        HtmlParts.Section(html, "activity", labels.Activity);
        Movements(html, "opened", labels.Opened, activity.Opened, time, labels);
        Movements(html, "acknowledged", labels.Acknowledged, activity.Acknowledged, time, labels);
        Movements(html, "resolved", labels.Resolved, activity.Resolved, time, labels);
        if (activity.Breached.Count > 0)
        {
            html.Open("div", ("id", "breached")).Element("h3", labels.Breached);
            HtmlParts.Table(html, labels.Ticket, labels.Level, labels.Customer, labels.Title, labels.Deadline, labels.Due);
            foreach (var breach in activity.Breached)
            {
                html.Open("tr", ("data-ticket", breach.Number)).Element("td", breach.Number);
                HtmlParts.Level(html, breach.Level);
                HtmlParts.Cells(html, breach.Customer, breach.Title, labels.Name(breach.Deadline), time.Show(breach.DueAt)).Close();
            }

            HtmlParts.EndTable(html).Close();
        }

        html.Close();
    }

    private static void Movements(HtmlWriter html, string id, string heading, IReadOnlyList<TicketMovement> movements, LocalTime time, ReportLabels labels)
    {
        if (movements.Count == 0)
        {
            return;
        }

        html.Open("div", ("id", id)).Element("h3", heading);
        HtmlParts.Table(html, labels.Ticket, labels.Level, labels.Type, labels.Customer, labels.Host, labels.Title, labels.Time, labels.By);
        foreach (var movement in movements)
        {
            html.Open("tr", ("data-ticket", movement.Number)).Element("td", movement.Number);
            HtmlParts.Level(html, movement.Level);
            HtmlParts.Cells(html, movement.Type.ToString(), movement.Customer, movement.Host, movement.Title, time.Show(movement.At), movement.By).Close();
        }

        HtmlParts.EndTable(html).Close();
    }

    private static void Problems(HtmlWriter html, IReadOnlyList<ProblemSummary> problems, LocalTime time, ReportLabels labels)
    {
        if (problems.Count == 0)
        {
            return;
        }

        HtmlParts.Section(html, "problems", labels.Problems);
        HtmlParts.Table(html, labels.Ticket, labels.Level, labels.State, labels.Customer, labels.Title, labels.Occurrences, labels.LinkedAlerts, labels.OpenedAt);
        foreach (var problem in problems)
        {
            html.Open("tr", ("data-ticket", problem.Number)).Element("td", problem.Number);
            HtmlParts.Level(html, problem.Level);
            HtmlParts.Cells(html, labels.Name(problem.State), problem.Customer, problem.Title);
            HtmlParts.Number(html, problem.Occurrences);
            HtmlParts.Number(html, problem.LinkedAlerts);
            HtmlParts.Cells(html, time.Show(problem.OpenedAt)).Close();
        }

        HtmlParts.EndTable(html).Close();
    }

    private static void Noisy(HtmlWriter html, HandoverReport report, ReportLabels labels)
    {
        if (report.NoisiestTriggers.Count == 0 && report.NoisiestHosts.Count == 0)
        {
            return;
        }

        HtmlParts.Section(html, "noisy", $"{labels.NoisiestTriggers} · {labels.NoisiestHosts}");
        NoisyTable(html, "noisy-triggers", labels.NoisiestTriggers, report.NoisiestTriggers, [labels.Trigger, labels.Host, labels.Events]);
        NoisyTable(html, "noisy-hosts", labels.NoisiestHosts, report.NoisiestHosts, [labels.Host, labels.Events]);
        html.Close();
    }

    private static void NoisyTable(HtmlWriter html, string id, string heading, IReadOnlyList<NoisySource> sources, string[] headers)
    {
        if (sources.Count == 0)
        {
            return;
        }

        html.Open("div", ("id", id)).Element("h3", heading);
        HtmlParts.Table(html, headers);
        foreach (var source in sources)
        {
            html.Open("tr").Element("td", source.Name);
            if (headers.Length == 3)
            {
                html.Element("td", source.Host);
            }

            HtmlParts.Number(html, source.Events).Close();
        }

        HtmlParts.EndTable(html).Close();
    }

    private static void Pages(HtmlWriter html, IReadOnlyList<SentPage> pages, LocalTime time, ReportLabels labels)
    {
        if (pages.Count == 0)
        {
            return;
        }

        HtmlParts.Section(html, "pages", labels.Pages);
        HtmlParts.Table(html, labels.Ticket, labels.Level, labels.Person, labels.Channel, labels.Time, labels.Delivery, labels.TimeToAcknowledge, labels.By, labels.AcknowledgedVia);
        foreach (var page in pages)
        {
            html.Open("tr", ("data-ticket", page.Number)).Element("td", page.Number);
            HtmlParts.Level(html, page.Level);
            HtmlParts.Cells(
                html,
                page.Person,
                labels.Name(page.Channel),
                time.Show(page.SentAt),
                page.DeliveryStatus,
                page.TimeToAcknowledge is { } ack ? labels.Duration(ack) : null,
                page.AcknowledgedBy,
                labels.Name(page.AcknowledgedVia)).Close();
        }

        HtmlParts.EndTable(html).Close();
    }

    private static void FailedPages(HtmlWriter html, IReadOnlyList<FailedPage> pages, LocalTime time, ReportLabels labels)
    {
        if (pages.Count == 0)
        {
            return;
        }

        HtmlParts.Section(html, "failed-pages", labels.FailedPages);
        HtmlParts.Table(html, labels.Ticket, labels.Level, labels.Person, labels.Channel, labels.Time, labels.Reason);
        foreach (var page in pages)
        {
            html.Open("tr", ("data-ticket", page.Number)).Element("td", page.Number);
            HtmlParts.Level(html, page.Level);
            HtmlParts.Cells(html, page.Person, labels.Name(page.Channel), time.Show(page.At), page.Reason).Close();
        }

        HtmlParts.EndTable(html).Close();
    }
}

using System.Globalization;
using AlertEngine.Classify;
using AlertEngine.Storage;
using AlertEngine.Tickets;
using Microsoft.Extensions.Logging;

namespace AlertEngine.Paging;

/// <summary>
/// Acknowledges tickets from their pages: an SMS reply (<c>ACK 1234</c>, <c>RES 1234</c>, a bare
/// <c>1</c> when the person has one open page, <c>ACK ALL</c>), a key press on the call, the signed
/// one-tap link. Each goes through the <see cref="TicketDesk"/> like the ticket API — recorded on the
/// ticket with who (the roster's name for the phone) and how (sms, call, link), written back to
/// Zabbix, and the ticket's escalation chain stops at its next step. A callback Twilio delivers twice
/// is answered the same way the second time and changes nothing.
/// </summary>
public sealed partial class PageAcknowledger(
    TicketDesk desk,
    RuleSetProvider rules,
    SqliteConnectionFactory connections,
    WriteGate gate,
    PageFailureEscalation failures,
    PageDoorbell doorbell,
    PageMetrics metrics,
    TimeProvider time,
    ILogger<PageAcknowledger> logger)
{
    /// <summary>Answers an inbound SMS; returns the reply to send back (TwiML message text).</summary>
    public async Task<string> SmsReplyAsync(string messageSid, string from, string? body, CancellationToken cancellationToken)
    {
        var key = "sms:" + messageSid;
        using var connection = connections.Open();
        if (PageStore.FindCallback(connection, key) is { } seen)
        {
            return seen;
        }

        var person = rules.Current.Roster.FindByPhone(from);
        var language = person?.Language ?? PageLanguage.English;
        var command = SmsReply.Parse(body);
        string reply;
        if (person is null)
        {
            reply = language == PageLanguage.Chinese ? "此号码不在值班表中。" : "This number is not in the on-call roster.";
        }
        else if (command.Action == SmsReplyAction.Unknown)
        {
            reply = SmsReply.Help(language);
        }
        else
        {
            var open = PageStore.ListOpenForPhone(connection, from).Select(p => p.Payload.TicketNumber).Distinct().ToList();
            var numbers = command.All ? open
                : command.TicketNumber is { } number ? [number]
                : open.Count == 1 ? open
                : [];
            reply = numbers.Count == 0
                ? NoTicket(open, language)
                : await ApplyAsync(numbers, command.Action == SmsReplyAction.Resolve ? TicketAction.Resolve : TicketAction.Acknowledge,
                    person, $"SMS reply \"{Trim(body)}\"", "sms", cancellationToken);
        }

        await RememberAsync(connection, key, reply, cancellationToken);
        return reply;
    }

    /// <summary>Answers a key press on a page's call; returns the words to say back.</summary>
    public async Task<(string Spoken, PageLanguage Language)> KeyPressAsync(long pageId, string? digits, string callSid, CancellationToken cancellationToken)
    {
        using var connection = connections.Open();
        var page = PageStore.Find(connection, pageId);
        var language = page?.Payload.Language ?? PageLanguage.English;
        var key = $"call:{callSid}:{pageId}:{digits}";
        if (PageStore.FindCallback(connection, key) is { } seen)
        {
            return (seen, language);
        }

        string spoken;
        if (page is null)
        {
            spoken = "This page is not known. Goodbye.";
        }
        else if (digits?.Trim() != "1")
        {
            spoken = language == PageLanguage.Chinese ? "未确认。再见。" : "Not acknowledged. Goodbye.";
        }
        else
        {
            var numbers = CoveredBy(connection, page).Select(p => p.Payload.TicketNumber).Distinct().ToList();
            var person = rules.Current.Roster.People.GetValueOrDefault(page.Payload.PersonId);
            var done = await ApplyAsync(numbers, TicketAction.Acknowledge, person, "key press on the call", "call", cancellationToken, page.Payload.PersonName);
            spoken = language == PageLanguage.Chinese ? $"已确认。{done}" : $"Acknowledged. {done} Goodbye.";
        }

        await RememberAsync(connection, key, spoken, cancellationToken);
        return (spoken, language);
    }

    /// <summary>The page a one-tap link names and its ticket, to show before the tap confirms; null when the link is not valid.</summary>
    public (PageRow Page, Ticket Ticket)? FindLinked(AckLinkCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!check.Valid || check.PageId is not { } pageId || check.TicketNumber is not { } number)
        {
            return null;
        }

        using var connection = connections.Open();
        return PageStore.Find(connection, pageId) is { } page && page.Payload.TicketNumber == number
            && TicketStore.FindByNumber(connection, number) is { } ticket
            ? (page, ticket)
            : null;
    }

    /// <summary>Acknowledges the ticket of a valid one-tap link; returns what happened, in words.</summary>
    public async Task<TicketActionResult> LinkAsync(PageRow page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await desk.ChangeAsync(page.Payload.TicketNumber, TicketAction.Acknowledge, page.Payload.PersonName, "one-tap link in the SMS", "link", cancellationToken);
        if (result.Status == TicketActionStatus.Done)
        {
            metrics.Acknowledged("link");
        }

        return result;
    }

    /// <summary>The pages one send carried: the page itself and those bundled into it.</summary>
    private static IReadOnlyList<PageRow> CoveredBy(Microsoft.Data.Sqlite.SqliteConnection connection, PageRow page) =>
        page.ProviderId is { } sid ? PageStore.ListByProvider(connection, sid) : [page];

    private async Task<string> ApplyAsync(IReadOnlyList<string> numbers, TicketAction action, Paging.Roster.Person? person, string note, string channel,
        CancellationToken cancellationToken, string? fallbackName = null)
    {
        var actor = person?.Name ?? fallbackName ?? "on-call engineer";
        var lines = new List<string>();
        foreach (var number in numbers)
        {
            var result = await desk.ChangeAsync(number, action, actor, note, channel, cancellationToken);
            if (result.Status == TicketActionStatus.Done)
            {
                metrics.Acknowledged(channel);
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{number} {action.ToPast()}."));
            }
            else
            {
                lines.Add(result.Reason);
            }

            LogApplied(logger, number, action, actor, channel, result.Status);
        }

        return string.Join(' ', lines);
    }

    private static string NoTicket(List<string> open, PageLanguage language) => open.Count == 0
        ? (language == PageLanguage.Chinese ? "您没有未确认的告警。" : "You have no open pages.")
        : language == PageLanguage.Chinese
            ? $"您有{open.Count}个未确认告警：{string.Join(",", open.Take(5))}。回复ACK 工单号。"
            : $"You have {open.Count} open pages: {string.Join(", ", open.Take(5))}. Reply ACK <ticket> or ACK ALL.";

    private async Task RememberAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string key, string outcome, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken))
        {
            using var transaction = connection.BeginTransaction();
            PageStore.RecordCallback(new DbSession(connection, transaction), key, outcome, time.GetUtcNow());
            transaction.Commit();
        }
    }

    private static string Trim(string? body) => body is null ? "" : body.Length <= 40 ? body.Trim() : body[..40].Trim() + "...";

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketNumber}: {Action} from a page by {Actor} via {Channel}: {Status}")]
    private static partial void LogApplied(ILogger logger, string ticketNumber, TicketAction action, string actor, string channel, TicketActionStatus status);
}

using System.Text.Json;
using System.Text.Json.Serialization;
using AlertEngine.Tickets;

namespace AlertEngine.Paging;

/// <summary>
/// A page's outbox payload: what the page is about (ticket, level, customer, host, problem), whom it
/// is for (roster person, name, language) and which escalation step planned it. The text itself is
/// written when the page is sent (<c>outbox.body</c>), because several pages to one person may go
/// out as one.
/// </summary>
public sealed record PagePayload(
    string TicketNumber,
    SupportLevel Level,
    string? Customer,
    string? Host,
    string Problem,
    string PersonId,
    string PersonName,
    PageLanguage Language,
    int Step,
    string Reason)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public PageSubject Subject => new(TicketNumber, Level, Customer, Host, Problem);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static PagePayload Deserialize(string payload) =>
        JsonSerializer.Deserialize<PagePayload>(payload, Json) ?? throw new InvalidOperationException("a page's outbox payload is empty");
}

using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>Reads and writes tickets through the public API with the <c>desk</c> token, as a shift lead's tool would.</summary>
internal static class TicketApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<IReadOnlyList<TicketDto>> ListAsync(this EngineHost engine, string query = "")
    {
        var list = await engine.Client.GetFromJsonAsync<TicketList>($"/api/v1/tickets{query}", Json, TestContext.Current.CancellationToken);
        return list!.Tickets;
    }

    public static async Task<TicketDto> GetAsync(this EngineHost engine, string number) =>
        (await engine.Client.GetFromJsonAsync<TicketDto>($"/api/v1/tickets/{number}", Json, TestContext.Current.CancellationToken))!;

    /// <summary>POST /api/v1/tickets with a JSON body; the raw answer, to assert on status and headers.</summary>
    public static Task<HttpResponseMessage> PostTicketAsync(this EngineHost engine, object body, HttpClient? client = null) =>
        (client ?? engine.Client).PostAsJsonAsync("/api/v1/tickets", body, Json, TestContext.Current.CancellationToken);

    /// <summary>Opens a ticket that must be created (201); returns it.</summary>
    public static async Task<TicketDto> OpenTicketAsync(this EngineHost engine, object body)
    {
        using var response = await engine.PostTicketAsync(body);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<TicketDto>(text, Json)!;
    }

    /// <summary>POST /api/v1/tickets/{number}/{action} with an optional JSON body; the raw answer.</summary>
    public static Task<HttpResponseMessage> ActAsync(this EngineHost engine, string number, string action, object? body = null, HttpClient? client = null)
    {
        var uri = $"/api/v1/tickets/{Uri.EscapeDataString(number)}/{action}";
        var c = client ?? engine.Client;
        return body is null
            ? c.PostAsync(uri, content: null, TestContext.Current.CancellationToken)
            : c.PostAsJsonAsync(uri, body, Json, TestContext.Current.CancellationToken);
    }

    /// <summary>Reads a ticket from an API answer.</summary>
    /// <summary>
    /// The timeline without the pager's lines (escalation steps, pages sent, held, retried, their
    /// status): they are written by the page sender on its own schedule, so stories about something
    /// else read the timeline without them.
    /// </summary>
    public static IEnumerable<TimelineDto> WithoutPages(this IEnumerable<TimelineDto> timeline) =>
        timeline.Where(t => t.Kind != "escalation" && !t.Kind.StartsWith("page-", StringComparison.Ordinal));

    public static async Task<TicketDto> ReadTicketAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<TicketDto>(Json, TestContext.Current.CancellationToken))!;

    internal sealed record TicketList(int Count, IReadOnlyList<TicketDto> Tickets);

    internal sealed record TicketDto(
        string Number,
        string Type,
        string State,
        string Level,
        string? Customer,
        string Title,
        string? ZabbixServer,
        string? TriggerId,
        string? Host,
        int Occurrences,
        DateTimeOffset? AcknowledgedAt,
        string? AcknowledgedBy,
        DateTimeOffset? ResolvedAt,
        string? ResolvedBy,
        IReadOnlyList<EventDto>? Events,
        IReadOnlyList<TimelineDto>? Timeline,
        string? Team = null,
        string? Rule = null,
        string? Page = null,
        bool Suppressed = false,
        string? SuppressedBy = null,
        IReadOnlyDictionary<string, string>? Labels = null,
        bool Flapping = false,
        int Flaps = 0,
        string? Problem = null,
        long? QuietSeconds = null,
        IReadOnlyList<string>? Alerts = null,
        int? Severity = null,
        string? Description = null,
        DateTimeOffset? ClosedAt = null,
        string? ClosedBy = null);

    internal sealed record EventDto(string ZabbixServer, string EventId, string? RecoveryEventId, DateTimeOffset? RecoveredAt);

    internal sealed record TimelineDto(DateTimeOffset At, string Kind, string? Actor, string Channel, string Text);
}

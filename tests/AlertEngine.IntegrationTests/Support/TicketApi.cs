using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>Reads tickets through the public API, as a shift lead's tool would.</summary>
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
        int? Severity = null);

    internal sealed record EventDto(string ZabbixServer, string EventId, string? RecoveryEventId, DateTimeOffset? RecoveredAt);

    internal sealed record TimelineDto(DateTimeOffset At, string Kind, string? Actor, string Channel, string Text);
}

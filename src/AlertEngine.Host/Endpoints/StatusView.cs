using AlertEngine.Reports;

namespace AlertEngine.Host.Endpoints;

/// <summary>The JSON of <c>GET /api/v1/status</c>: the status page's data, instants in UTC, time left in seconds (negative: past).</summary>
internal sealed record StatusView(
    DateTimeOffset At,
    string TimeZone,
    IReadOnlyList<StatusTicketView> OpenTickets,
    IReadOnlyList<DutyLine> OnDuty,
    IReadOnlyList<HeldPage> HeldPages,
    IReadOnlyList<RecentEvent> RecentEvents,
    IReadOnlyList<string> Warnings)
{
    public static StatusView From(DeskStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new StatusView(status.At, status.TimeZone.Id, [.. status.OpenTickets.Select(StatusTicketView.From)], status.OnDuty, status.HeldPages, status.RecentEvents, status.Warnings);
    }
}

/// <summary>An open ticket with its clocks: due instants, seconds left (negative once past), and met/breached once decided.</summary>
internal sealed record StatusTicketView(
    string Number, string Type, string Level, string State, string? Customer, string? Host, string Title, DateTimeOffset OpenedAt, string? Holder,
    DateTimeOffset? RespondBy, long? RespondLeftSeconds, string? Respond, DateTimeOffset? ResolveBy, long? ResolveLeftSeconds, DateTimeOffset? HardLimitAt, int Occurrences)
{
    public static StatusTicketView From(OpenTicket t) => new(
        t.Number, t.Type.ToString().ToUpperInvariant(), t.Level.ToString(), t.State.ToString().ToLowerInvariant(), t.Customer, t.Host, t.Title, t.OpenedAt, t.Holder,
        t.Respond.Due, Seconds(t.Respond.Left), t.Respond.Outcome, t.Resolve.Due, Seconds(t.Resolve.Left), t.HardLimitAt, t.Occurrences);

    private static long? Seconds(TimeSpan? span) => span is { } s ? (long)Math.Floor(s.TotalSeconds) : null;
}

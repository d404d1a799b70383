using AlertEngine.Tickets;
using AlertEngine.UnitTests.Ingest;

namespace AlertEngine.UnitTests.Correlate;

/// <summary>Tickets as the correlate decisions see them, for table tests.</summary>
internal static class CorrelationTickets
{
    public static Ticket Alert(long id, TicketState state = TicketState.Open, string? resolvedBy = null, long? problemId = null) => new()
    {
        Id = id,
        Number = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Type = TicketType.ALERT,
        State = state,
        Level = SupportLevel.L2,
        Title = "App health critical on srv-acme-web1",
        CorrelationKey = "main:trigger:23137",
        OpenedAt = ZabbixEvents.ProblemAt,
        UpdatedAt = ZabbixEvents.ProblemAt,
        ResolvedBy = resolvedBy,
        ProblemTicketId = problemId,
    };

    public static Ticket Problem(long id) => Alert(id) with { Type = TicketType.PROBLEM };
}

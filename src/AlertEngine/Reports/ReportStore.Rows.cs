using AlertEngine.Storage;
using AlertEngine.Tickets;

namespace AlertEngine.Reports;

/// <summary>The rows the report's queries read, mapped to the model in <see cref="ReportStore"/>.</summary>
public static partial class ReportStore
{
    /// <summary>The ticket columns every ticket query reads (<c>ReportSql.TicketColumns</c>).</summary>
    private class TicketRow
    {
        public long Id { get; set; }
        public string? Number { get; set; }
        public string Type { get; set; } = "";
        public long Level { get; set; }
        public string? Customer { get; set; }
        public string? Host { get; set; }
        public string Title { get; set; } = "";
    }

    private sealed class OpenRow : TicketRow
    {
        public long OpenedAt { get; set; }
        public long Occurrences { get; set; }
        public long? AcknowledgedAt { get; set; }
        public string? AcknowledgedBy { get; set; }
        public long? RespondedAt { get; set; }
        public long? RespondBy { get; set; }
        public long? ResolveBy { get; set; }
        public long? HardLimitAt { get; set; }
        public string? LastPaged { get; set; }

        public OpenTicket ToOpenTicket(DateTimeOffset at)
        {
            var respond = RespondBy is not { } due ? SlaClock.None
                : RespondedAt is { } responded ? new SlaClock(UnixTime.FromMs(due), null, responded <= due ? "met" : "breached")
                : new SlaClock(UnixTime.FromMs(due), UnixTime.FromMs(due) - at, null);
            var resolve = ResolveBy is { } by ? new SlaClock(UnixTime.FromMs(by), UnixTime.FromMs(by) - at, null) : SlaClock.None;
            return new OpenTicket(
                Number ?? "", Enum.Parse<TicketType>(Type), (SupportLevel)Level,
                AcknowledgedAt is null ? TicketState.Open : TicketState.Acknowledged,
                Customer, Host, Title, UnixTime.FromMs(OpenedAt), AcknowledgedBy ?? LastPaged, respond, resolve,
                UnixTime.FromMs(HardLimitAt), (int)Occurrences);
        }
    }

    private sealed class MovementRow : TicketRow
    {
        public long At { get; set; }
        public string? By { get; set; }
    }

    private sealed class BreachRow : TicketRow
    {
        public string Deadline { get; set; } = "";
        public long DueAt { get; set; }
    }

    private sealed class ProblemRow
    {
        public string? Number { get; set; }
        public long Level { get; set; }
        public string State { get; set; } = "";
        public string? Customer { get; set; }
        public string Title { get; set; } = "";
        public long Occurrences { get; set; }
        public long OpenedAt { get; set; }
        public long OpenAtEnd { get; set; }
        public long LinkedAlerts { get; set; }
    }

    private sealed class NoisyRow
    {
        public string? Name { get; set; }
        public string? Host { get; set; }
        public long Events { get; set; }
    }

    private sealed class HourRow
    {
        public long HourStart { get; set; }
        public long Events { get; set; }
    }

    private sealed class SentRow
    {
        public string? Number { get; set; }
        public long Level { get; set; }
        public string? Person { get; set; }
        public string Kind { get; set; } = "";
        public long SentAt { get; set; }
        public string? DeliveryStatus { get; set; }
        public long? AcknowledgedAt { get; set; }
        public string? AcknowledgedBy { get; set; }
        public string? AcknowledgedVia { get; set; }
    }

    private sealed class FailedRow
    {
        public string? Number { get; set; }
        public long Level { get; set; }
        public string? Person { get; set; }
        public string Kind { get; set; } = "";
        public long At { get; set; }
        public string Reason { get; set; } = "";
    }

    private sealed class HeldRow
    {
        public string? Number { get; set; }
        public long Level { get; set; }
        public string Team { get; set; } = "";
        public string? Customer { get; set; }
        public string Title { get; set; } = "";
        public long HeldUntil { get; set; }
    }

    private sealed class EventRow
    {
        public long ReceivedAt { get; set; }
        public string Server { get; set; } = "";
        public string Kind { get; set; } = "";
        public long Severity { get; set; }
        public string? Host { get; set; }
        public string? Name { get; set; }
        public string? TicketNumber { get; set; }
    }

    private sealed class DeliveryRow
    {
        public string Kind { get; set; } = "";
        public string Target { get; set; } = "";
        public string Reason { get; set; } = "";
        public long At { get; set; }
    }
}

using AlertEngine.Ingest;

namespace AlertEngine.UnitTests.Ingest;

/// <summary>Events shaped like the samples (server main, problem 51 on trigger 23137), for tests that need one.</summary>
internal static class ZabbixEvents
{
    public static readonly DateTimeOffset ProblemAt = new(2026, 11, 25, 20, 20, 19, TimeSpan.Zero);

    public static ZabbixEvent Problem(string host = "srv-acme-web1", int severity = 4, params EventTag[] tags) => new()
    {
        Server = "main",
        EventId = "51",
        Kind = EventKind.Problem,
        Severity = severity,
        EventName = $"App health critical on {host}",
        TriggerId = "23137",
        Host = host,
        HostName = host,
        Tags = tags,
        ProblemAt = ProblemAt,
    };

    public static ZabbixEvent Recovery(string recoveryEventId = "53") => Problem() with
    {
        Kind = EventKind.Recovery,
        RecoveryEventId = recoveryEventId,
        RecoveredAt = ProblemAt.AddSeconds(7),
    };

    public static ZabbixEvent Update(ZabbixUpdate update) => Problem() with
    {
        Kind = EventKind.Update,
        Update = update,
    };

    public static ZabbixEvent Update(string action) =>
        Update(new ZabbixUpdate(action, "looking at it", "Zabbix Administrator (Admin)", "2026.11.25", "20:20:24", NewSeverity: null));
}

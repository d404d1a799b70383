using AlertEngine.Ingest;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertEngine.UnitTests.Ingest;

public sealed class EventClockMonitorTests
{
    private static readonly DateTimeOffset Arrived = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, TimeSpan, bool> Offsets => new()
    {
        { "event in the past is normal", TimeSpan.FromMinutes(-30), false },
        { "a little clock drift is tolerated", TimeSpan.FromMinutes(4), false },
        { "Asia/Shanghai rendered as UTC is 8 h ahead", TimeSpan.FromHours(8), true },
        { "just beyond the tolerance", TimeSpan.FromMinutes(6), true },
    };

    [Theory]
    [MemberData(nameof(Offsets))]
    public void AheadBy_EventTimeAgainstArrival_ReportedOnlyBeyondTolerance(string rule, TimeSpan offset, bool reported)
    {
        var ahead = EventClockMonitor.AheadBy(Arrived + offset, Arrived);

        Assert.True(reported == ahead.HasValue, rule);
    }

    [Fact]
    public void Check_EventEightHoursAhead_WarnsNamingServerAndTimeZoneFix()
    {
        var monitor = new EventClockMonitor(NullLogger<EventClockMonitor>.Instance);
        var e = ZabbixEvents.Problem() with { Server = "zbx-cn", ProblemAt = Arrived.AddHours(8) };

        monitor.Check(e, Arrived);
        monitor.Check(e with { ProblemAt = Arrived.AddHours(-1) }, Arrived);

        var warning = Assert.Single(monitor.Warnings);
        Assert.Equal("zbx-cn", warning.Server);
        Assert.Contains("8h00m", warning.Message, StringComparison.Ordinal);
        Assert.Contains("UTC", warning.Message, StringComparison.Ordinal);
    }
}

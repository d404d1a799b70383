using AlertEngine.Sla;
using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Sla;

/// <summary>Which deadlines of an active ticket call for an escalation now.</summary>
public sealed class SlaEscalationDecisionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 19, 0, 0, TimeSpan.Zero); // 03:00 in Shanghai
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // An L1: respond 15 min, warn at 75 % (11:15), resolve 60 min, hard limit 4 h.
    private static readonly SlaTicket L1 = new(7, "1007", SupportLevel.L1, Start.AddMinutes(15), Start.AddMinutes(60), Start.AddHours(4), Start.AddSeconds(675), RespondedAt: null);

    // rule, minutes after start, responded, expected deadlines in order
    public static TheoryData<string, double, bool, string[]> Cases => new()
    {
        { "before the warning: nothing", 11, false, [] },
        { "at the warning: page again", 11.25, false, ["RespondWarn"] },
        { "warning passed but someone responded: nothing", 12, true, [] },
        { "at the respond deadline: breach only, the warning is moot", 15, false, ["Respond"] },
        { "respond deadline passed after a response: nothing", 20, true, [] },
        { "at the resolve deadline with no response: both breaches", 60, false, ["Respond", "Resolve"] },
        { "at the resolve deadline after a response: resolve breach", 60, true, ["Resolve"] },
        { "past the hard limit: resolve breach and the manager", 240, true, ["Resolve", "HardLimit"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Due_Table(string rule, double minutes, bool responded, string[] expected)
    {
        var ticket = responded ? L1 with { RespondedAt = Start.AddMinutes(5) } : L1;

        var due = SlaEscalationDecision.Due(ticket, Start.AddMinutes(minutes), Shanghai);

        Assert.True(expected.SequenceEqual(due.Select(d => d.Deadline.ToString())), $"{rule}: got {string.Join(", ", due.Select(d => d.Deadline))}");
    }

    [Fact]
    public void Due_EachEscalation_DueAtItsDeadlineAndSaysWhoIsNextInTheTeamsTime()
    {
        var due = SlaEscalationDecision.Due(L1 with { RespondedAt = null }, Start.AddHours(5), Shanghai);

        Assert.Equal([Start.AddMinutes(15), Start.AddMinutes(60), Start.AddHours(4)], due.Select(d => d.DueAt));
        Assert.Equal("SLA breach: nobody responded by 2026-11-27 03:15 Asia/Shanghai (L1): escalate to the senior engineer", due[0].Action);
        Assert.Equal("SLA hard limit 2026-11-27 07:00 Asia/Shanghai passed (L1): escalate to the manager", due[2].Action);
    }
}

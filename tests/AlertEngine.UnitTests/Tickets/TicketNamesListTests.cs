using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Tickets;

public sealed class TicketNamesListTests
{
    // rule, text: a comma list of names is no single name (Enum.TryParse would OR them into another value)
    public static TheoryData<string, string> Lists => new()
    {
        { "L1,L2 would be L3", "L1,L2" },
        { "open,acknowledged would be acknowledged", "open,acknowledged" },
        { "resolved,acknowledged would be closed", "resolved, acknowledged" },
        { "ALERT,PROBLEM would be PROBLEM", "ALERT,PROBLEM" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void TryParse_CommaListOfNames_Rejected(string rule, string text)
    {
        Assert.False(TicketNames.TryParseState(text, out var state), $"state: {rule} → {state}");
        Assert.False(TicketNames.TryParseLevel(text, out var level), $"level: {rule} → {level}");
        Assert.False(TicketNames.TryParseType(text, out var type), $"type: {rule} → {type}");
    }
}

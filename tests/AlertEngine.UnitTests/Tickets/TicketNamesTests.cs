using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Tickets;

/// <summary>Database and API spelling of ticket states, levels and types: names in any case, never numbers.</summary>
public sealed class TicketNamesTests
{
    // rule, text, state
    public static TheoryData<string, string, TicketState> States => new()
    {
        { "lower case", "open", TicketState.Open },
        { "upper case", "ACKNOWLEDGED", TicketState.Acknowledged },
        { "mixed case", "Resolved", TicketState.Resolved },
        { "as the API writes it", "closed", TicketState.Closed },
    };

    // rule, text, level
    public static TheoryData<string, string, SupportLevel> Levels => new()
    {
        { "upper case", "L1", SupportLevel.L1 },
        { "lower case", "l2", SupportLevel.L2 },
        { "L3", "L3", SupportLevel.L3 },
        { "L4", "l4", SupportLevel.L4 },
    };

    // rule, text, type
    public static TheoryData<string, string, TicketType> Types => new()
    {
        { "upper case", "ALERT", TicketType.ALERT },
        { "lower case", "problem", TicketType.PROBLEM },
        { "mixed case", "Request", TicketType.REQUEST },
        { "TASK", "task", TicketType.TASK },
        { "PROJECT", "PROJECT", TicketType.PROJECT },
    };

    // rule, text that is no state, level or type
    public static TheoryData<string, string?> NotNames => new()
    {
        { "null", null },
        { "empty", "" },
        { "blank", "  " },
        { "zero", "0" },
        { "one", "1" },
        { "four", "4" },
        { "out of range number", "9" },
        { "negative number", "-1" },
        { "signed number", "+2" },
        { "number with spaces", " 1 " },
        { "unknown word", "pending" },
        { "incident is not a domain word", "incident" },
        { "level without L", "one" },
        { "level five", "L5" },
        { "level zero", "L0" },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void TryParseState_NameInAnyCase_Parses(string rule, string text, TicketState expected)
    {
        Assert.True(TicketNames.TryParseState(text, out var state), rule);
        Assert.Equal(expected, state);
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void TryParseLevel_NameInAnyCase_Parses(string rule, string text, SupportLevel expected)
    {
        Assert.True(TicketNames.TryParseLevel(text, out var level), rule);
        Assert.Equal(expected, level);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void TryParseType_NameInAnyCase_Parses(string rule, string text, TicketType expected)
    {
        Assert.True(TicketNames.TryParseType(text, out var type), rule);
        Assert.Equal(expected, type);
    }

    [Theory]
    [MemberData(nameof(NotNames))]
    public void TryParse_NumberOrUnknownWord_Rejected(string rule, string? text)
    {
        Assert.False(TicketNames.TryParseState(text, out _), $"state: {rule}");
        Assert.False(TicketNames.TryParseLevel(text, out _), $"level: {rule}");
        Assert.False(TicketNames.TryParseType(text, out _), $"type: {rule}");
    }

    [Fact]
    public void ToName_EveryState_LowerCaseAndParsesBack()
    {
        foreach (var state in Enum.GetValues<TicketState>())
        {
            var name = state.ToName();

            Assert.Equal(name.ToLowerInvariant(), name);
            Assert.True(TicketNames.TryParseState(name, out var back));
            Assert.Equal(state, back);
        }
    }

    [Theory]
    [InlineData(TicketState.Open, true)]
    [InlineData(TicketState.Acknowledged, true)]
    [InlineData(TicketState.Resolved, false)]
    [InlineData(TicketState.Closed, false)]
    public void IsActive_State_TrueWhileSomeoneMustAct(TicketState state, bool active)
    {
        Assert.Equal(active, state.IsActive());
    }
}

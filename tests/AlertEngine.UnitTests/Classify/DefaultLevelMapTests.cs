using AlertEngine.Classify;
using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Classify;

/// <summary>The last-resort map for events no rule gives a level.</summary>
public sealed class DefaultLevelMapTests
{
    // rule, Zabbix severity, level
    public static TheoryData<string, int, SupportLevel> Levels => new()
    {
        { "not classified → L4", 0, SupportLevel.L4 },
        { "information → L4", 1, SupportLevel.L4 },
        { "warning → L4", 2, SupportLevel.L4 },
        { "average → L3", 3, SupportLevel.L3 },
        { "high → L2", 4, SupportLevel.L2 },
        { "disaster → L1", 5, SupportLevel.L1 },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void LevelFor_Severity_DefaultMap(string rule, int severity, SupportLevel expected)
    {
        Assert.True(expected == DefaultLevelMap.LevelFor(severity), rule);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void LevelFor_SeverityOutOfRange_Throws(int severity)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DefaultLevelMap.LevelFor(severity));

        Assert.Equal("severity", ex.ParamName);
    }
}

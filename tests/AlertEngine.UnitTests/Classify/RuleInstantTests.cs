using AlertEngine.Classify;

namespace AlertEngine.UnitTests.Classify;

/// <summary>Times as typed for --at, --from, --to and case files: local in the team's zone, or an ISO instant.</summary>
public sealed class RuleInstantTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // what it checks, text, instant (UTC)
    public static TheoryData<string, string, DateTimeOffset> Valid => new()
    {
        { "local minute in the team's zone", "2026-11-26 03:00", new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero) },
        { "local with T and seconds", "2026-11-26T03:00:30", new(2026, 11, 25, 19, 0, 30, TimeSpan.Zero) },
        { "a date is its local midnight", "2026-11-26", new(2026, 11, 25, 16, 0, 0, TimeSpan.Zero) },
        { "ISO instant in UTC", "2026-11-25T19:00:00Z", new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero) },
        { "ISO instant with a negative offset", "2026-11-25T14:00:00-05:00", new(2026, 11, 25, 19, 0, 0, TimeSpan.Zero) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_Accepted_Instant(string rule, string text, DateTimeOffset expected)
    {
        Assert.True(RuleInstant.TryParse(text, Shanghai, out var instant), rule);
        Assert.True(expected == instant, $"{rule}: {instant:O}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("tomorrow")]
    [InlineData("26/11/2026 03:00")]
    [InlineData("2026-13-01 03:00")]
    public void TryParse_NotATime_False(string text)
    {
        Assert.False(RuleInstant.TryParse(text, Shanghai, out _));
    }
}

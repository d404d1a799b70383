using System.CommandLine;
using AlertEngine.Host.Commands.Bench;

namespace AlertEngine.UnitTests.Host.Commands.Bench;

public sealed class BenchOptionsTests
{
    // rule: each spelling the duration options accept
    public static TheoryData<string, double> Durations => new()
    {
        { "5s", 5 },
        { "500ms", 0.5 },
        { "1.5s", 1.5 },
        { "2m", 120 },
        { "7", 7 },
        { "00:00:05", 5 },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void Duration_AcceptedSpelling_ReadsSeconds(string text, double seconds)
    {
        var option = BenchOptions.Duration("--duration", "test", allowZero: false, TimeSpan.FromHours(1));

        var parse = new RootCommand { option }.Parse(["--duration", text]);

        Assert.Empty(parse.Errors);
        Assert.Equal(TimeSpan.FromSeconds(seconds), parse.GetValue(option));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1s")]
    [InlineData("0")]
    [InlineData("2h")]
    public void Duration_NotADurationOrOutOfRange_ErrorNamesTheOption(string text)
    {
        var option = BenchOptions.Duration("--duration", "test", allowZero: false, TimeSpan.FromHours(1));

        var parse = new RootCommand { option }.Parse(["--duration", text]);

        var error = Assert.Single(parse.Errors);
        Assert.StartsWith("--duration:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duration_ZeroWhereAllowed_IsZero()
    {
        var option = BenchOptions.Duration("--warmup", "test", allowZero: true, TimeSpan.FromHours(1));

        var parse = new RootCommand { option }.Parse(["--warmup", "0"]);

        Assert.Empty(parse.Errors);
        Assert.Equal(TimeSpan.Zero, parse.GetValue(option));
    }

    [Fact]
    public void Count_OutsideItsRange_ErrorGivesTheRange()
    {
        var option = BenchOptions.Count("--runs", "test", 1, 20);

        var parse = new RootCommand { option }.Parse(["--runs", "21"]);

        var error = Assert.Single(parse.Errors);
        Assert.Equal("--runs must be from 1 to 20", error.Message);
    }

    [Fact]
    public void Count_NotGiven_IsNullSoTheDefaultApplies()
    {
        var option = BenchOptions.Count("--runs", "test", 1, 20);

        var parse = new RootCommand { option }.Parse([]);

        Assert.Empty(parse.Errors);
        Assert.Null(parse.GetValue(option));
    }
}

using System.CommandLine;
using AlertEngine.Host.Commands;
using AlertEngine.Host.Commands.Oncall;
using AlertEngine.UnitTests.Classify;
using AlertEngine.UnitTests.Paging;

namespace AlertEngine.UnitTests.Host.Commands.Oncall;

/// <summary>`alertengine oncall now|show` on the shipped rules folder and on broken input: the tables, the exit codes.</summary>
public sealed class OncallCommandTests : IDisposable
{
    private static readonly string Shipped = ShippedRulesTests.RulesFolder();
    private static readonly DateTimeOffset Now = InlineRoster.At("2026-11-26 15:00");

    private readonly string _temp = Directory.CreateTempSubdirectory("alertengine-oncall-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    [Fact]
    public void Now_ShippedRulesOnAThursdayMorning_EveryTeamWithMaskedPhones()
    {
        var exit = OncallNowCommand.Run(null, "2026-11-26 10:00", Shipped, Now, _output, _errors);

        var lines = _output.ToString().Split(Environment.NewLine);
        Assert.Equal(0, exit);
        Assert.StartsWith("On call at 2026-11-26 10:00 +08:00 (Asia/Shanghai)", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("ops ", StringComparison.Ordinal) && l.Contains("| day ", StringComparison.Ordinal)
            && l.Contains("王芳 +*********0013", StringComparison.Ordinal) && l.EndsWith("2026-11-26 18:00 +08:00", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("app-support | app-support ", StringComparison.Ordinal));
        Assert.DoesNotContain("+8613800000013", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("ops: day shift from 2026-11-26 09:30", StringComparison.Ordinal));
    }

    [Fact]
    public void Now_BusinessHoursTeamOnNationalDay_OpsCoversAndSaysWhy()
    {
        var exit = OncallNowCommand.Run("app-support", "2026-10-01T02:00:00Z", Shipped, Now, _output, _errors);

        Assert.Equal(0, exit);
        Assert.Contains("app-support | ops      |", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("2026-10-01 is a public holiday (National Day): ops covers", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Now_UnknownTeam_ExitsTwoWithDidYouMean()
    {
        var exit = OncallNowCommand.Run("opz", null, Shipped, Now, _output, _errors);

        Assert.Equal(2, exit);
        Assert.Contains("unknown team 'opz' (did you mean 'ops'?)", _errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Now_BadAt_ExitsTwoSayingWhatIsAccepted()
    {
        var exit = OncallNowCommand.Run("ops", "tomorrow", Shipped, Now, _output, _errors);

        Assert.Equal(2, exit);
        Assert.Contains("--at 'tomorrow' is not a time: use a local time in the team's time zone", _errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Now_BrokenRoster_ExitsOneWithFileLineAndReason()
    {
        File.WriteAllText(Path.Combine(_temp, "oncall.yaml"), "oncall:\n  people:\n    - { id: a, name: A, phone: \"12345\", language: en, channels: [sms] }\n");

        var exit = OncallNowCommand.Run(null, null, _temp, Now, _output, _errors);

        Assert.Equal(1, exit);
        Assert.Contains($"{Path.Combine(_temp, "oncall.yaml")}:3:32: phone '12345' is not an E.164 number", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Show_AppSupportOverAWeekend_ItsDaysAndOpsBetween()
    {
        var exit = OncallShowCommand.Run("app-support", 3, Shipped, InlineRoster.At("2026-11-27 10:00"), _output, _errors);

        var rows = _output.ToString().Split(Environment.NewLine).Where(l => l.StartsWith("2026-", StringComparison.Ordinal)).ToList();
        Assert.Equal(0, exit);
        Assert.StartsWith("2026-11-27 09:30 +08:00 | 2026-11-27 18:00 +08:00 | day   | app-support |", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("2026-11-27 18:00 +08:00 | 2026-11-28 09:30 +08:00 | night | ops         |", rows[1], StringComparison.Ordinal);
        Assert.All(rows.Skip(1).SkipLast(1), r => Assert.Contains("| ops ", r, StringComparison.Ordinal));
        Assert.StartsWith("2026-11-30 09:30 +08:00 | 2026-11-30 18:00 +08:00 | day   | app-support |", rows[^1], StringComparison.Ordinal);
        Assert.Equal(7, rows.Count);
    }

    [Fact]
    public void Show_DaysOutOfRange_ExitsTwo()
    {
        Assert.Equal(2, OncallShowCommand.Run(null, 0, Shipped, Now, _output, _errors));
        Assert.Contains("--days must be from 1 to 62, not 0", _errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandLine_OptionThatIsNotANumber_ExitsTwo()
    {
        var exit = await EngineCommandLine.InvokeAsync(["oncall", "show", "--days", "x"], new InvocationConfiguration { Output = _output, Error = _errors }, TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
    }

    // rule, phone, masked
    public static TheoryData<string, string, string> Phones => new()
    {
        { "Chinese mobile: last 4 digits", "+8613800000012", "+*********0012" },
        { "UK mobile: last 4 digits", "+447700900123", "+********0123" },
        { "too short to hide anything but the plus", "+1234", "+1234" },
    };

    [Theory]
    [MemberData(nameof(Phones))]
    public void Mask_Phone_AllButTheLastFourDigitsHidden(string rule, string phone, string masked)
    {
        Assert.True(masked == OncallText.Mask(phone), rule);
    }

    public void Dispose()
    {
        _output.Dispose();
        _errors.Dispose();
        Directory.Delete(_temp, recursive: true);
    }
}

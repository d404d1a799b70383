using AlertEngine.Host.Commands;
using AlertEngine.Host.Commands.Bench;
using AlertEngine.Host.Commands.Bench.Memory;
using AlertEngine.Host.Commands.Bench.Overload;
using AlertEngine.Host.Commands.Bench.Startup;
using AlertEngine.Host.Commands.Bench.Storm;

namespace AlertEngine.UnitTests.Host.Commands.Bench;

/// <summary>What each <c>alertengine bench</c> command line asks for (parsing only; nothing runs).</summary>
public sealed class BenchCommandLineTests
{
    // rule: each way to run every benchmark, or one, is a valid command line
    public static TheoryData<string[]> ValidCommandLines => new()
    {
        new[] { "bench" },
        new[] { "bench", "--quick" },
        new[] { "bench", "all", "--quick", "--json", "out.json" },
        new[] { "bench", "ingest", "--quick", "--concurrency", "1,64", "--enforce" },
        new[] { "bench", "startup", "--runs", "3" },
        new[] { "bench", "memory", "--events", "5000", "--max-time", "5m" },
        new[] { "bench", "rules", "--quick", "--duration", "2s", "--warmup", "0", "--enforce" },
        new[] { "bench", "overload", "--rate", "12000", "--duration", "20s", "--max-in-flight", "3000", "--queue-capacity", "300" },
        new[] { "bench", "storm" },
        new[] { "bench", "storm", "--quick", "--json", "storm.json" },
        new[] { "bench", "storm", "--events", "20000", "--hosts", "1000", "--concurrency", "16", "--seed", "42", "--max-time", "3m", "--enforce" },
    };

    [Theory]
    [MemberData(nameof(ValidCommandLines))]
    public void Parse_ValidCommandLine_NoErrorsAndAnAction(string[] args)
    {
        var parse = EngineCommandLine.Create().Parse(args);

        Assert.Empty(parse.Errors);
        Assert.NotNull(parse.CommandResult.Command.Action);
    }

    [Theory]
    [InlineData("overload", "--max-in-flight", "0")]
    [InlineData("overload", "--max-in-flight", "20000")]
    [InlineData("overload", "--queue-capacity", "99")]
    [InlineData("memory", "--events", "0")]
    [InlineData("startup", "--runs", "21")]
    [InlineData("ingest", "--max-events", "0")]
    [InlineData("storm", "--events", "0")]
    [InlineData("storm", "--hosts", "0")]
    [InlineData("storm", "--seed", "-1")]
    [InlineData("rules", "--duration", "0")]
    [InlineData("rules", "--max-events", "0")]
    public void Parse_OutOfRange_Error(string command, string option, string value)
    {
        var parse = EngineCommandLine.Create().Parse(["bench", command, option, value]);

        Assert.NotEmpty(parse.Errors);
    }

    [Fact]
    public void Ingest_NoOptions_TheDefaultsItAlwaysHad()
    {
        var command = new IngestCommand();

        var settings = command.Read(command.Create().Parse([]));

        Assert.Equal([1, 16, 64], settings.Concurrency);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.Warmup);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.Duration);
        Assert.Equal(IngestBenchSettings.DefaultMaxEvents, settings.MaxEvents);
        Assert.False(settings.Enforce);
    }

    [Fact]
    public void Ingest_QuickWithExplicitDuration_ExplicitWins()
    {
        var command = new IngestCommand();

        var settings = command.Read(command.Create().Parse(["--quick", "--duration", "3s", "--concurrency", "16,16,4"]));

        Assert.Equal(IngestBenchSettings.QuickWarmup, settings.Warmup);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.Duration);
        Assert.Equal([16, 4], settings.Concurrency);
    }

    [Fact]
    public void Startup_Quick_FewerRuns()
    {
        var command = new StartupCommand();

        Assert.Equal(StartupSettings.DefaultRuns, command.Read(command.Create().Parse([])).Runs);
        Assert.Equal(StartupSettings.QuickRuns, command.Read(command.Create().Parse(["--quick"])).Runs);
        Assert.Equal(7, command.Read(command.Create().Parse(["--quick", "--runs", "7"])).Runs);
    }

    [Fact]
    public void Memory_NoOptions_OneMillionEventsBoundedInTime()
    {
        var command = new MemoryCommand();

        var full = command.Read(command.Create().Parse([]));
        var quick = command.Read(command.Create().Parse(["--quick"]));

        Assert.Equal(1_000_000, full.Events);
        Assert.Equal(MemorySettings.DefaultMaxTime, full.MaxTime);
        Assert.Equal(MemorySettings.QuickEvents, quick.Events);
        Assert.True(quick.MaxTime < full.MaxTime);
    }

    [Fact]
    public void Overload_NoRate_OffersAMultipleOfTheMeasuredCapacity()
    {
        var command = new OverloadCommand();

        var settings = command.Read(command.Create().Parse([]));

        Assert.Null(settings.Rate);
        Assert.Null(settings.QueueCapacity);
        Assert.Equal(OverloadSettings.DefaultMaxInFlight, settings.MaxInFlight);
    }

    [Fact]
    public void Overload_RateAndBounds_AsGiven()
    {
        var command = new OverloadCommand();

        var settings = command.Read(command.Create().Parse(["--quick", "--rate", "12000", "--warmup", "0", "--max-in-flight", "3000", "--queue-capacity", "300", "--enforce"]));

        Assert.Equal(12_000, settings.Rate);
        Assert.Equal(TimeSpan.Zero, settings.Warmup);
        Assert.Equal(OverloadSettings.Defaults(quick: true, enforce: true).Duration, settings.Duration);
        Assert.Equal(3_000, settings.MaxInFlight);
        Assert.Equal(300, settings.QueueCapacity);
        Assert.True(settings.Enforce);
    }

    [Fact]
    public void Storm_NoOptions_TheIssuesStorm()
    {
        var command = new StormCommand();

        var full = command.Read(command.Create().Parse([]));
        var quick = command.Read(command.Create().Parse(["--quick"]));
        var asked = command.Read(command.Create().Parse(["--quick", "--events", "8000", "--seed", "9"]));

        Assert.Equal((100_000, 5_000, StormSettings.DefaultSeed), (full.Events, full.Hosts, full.Seed));
        Assert.Equal(IngestBenchSettings.TargetConcurrency, full.Concurrency);
        Assert.Equal((StormSettings.QuickEvents, StormSettings.QuickHosts), (quick.Events, quick.Hosts));
        Assert.Equal((8_000, StormSettings.QuickHosts, 9), (asked.Events, asked.Hosts, asked.Seed));
        Assert.True(quick.MaxTime < full.MaxTime);
    }
}

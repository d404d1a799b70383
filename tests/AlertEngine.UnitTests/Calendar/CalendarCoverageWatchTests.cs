using AlertEngine.Classify;
using AlertEngine.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertEngine.UnitTests.Calendar;

/// <summary>The coverage warning is logged at the first check, then once a day (not every minute) while it holds.</summary>
public sealed class CalendarCoverageWatchTests
{
    [Fact]
    public void Check_NotCovered_LoggedOnceADay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 10, 1, 0, 0, TimeSpan.Zero));
        var (watch, log) = CreateSut(time);

        watch.Check();
        time.Advance(TimeSpan.FromHours(1));
        watch.Check();
        Assert.Single(log.Warnings);

        time.Advance(TimeSpan.FromDays(1));
        watch.Check();
        Assert.Equal(2, log.Warnings.Count);
        Assert.StartsWith("The business calendar covers public holidays only until 2026-12-31", log.Warnings[0], StringComparison.Ordinal);
        Assert.Equal(log.Warnings[0], watch.Warning);
    }

    [Fact]
    public void Check_Covered_NothingLogged()
    {
        var (watch, log) = CreateSut(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero)));

        watch.Check();

        Assert.Empty(log.Warnings);
        Assert.Null(watch.Warning);
    }

    private static (CalendarCoverageWatch Watch, ListLogger Log) CreateSut(FakeTimeProvider time)
    {
        // No Rules:Folder and no ./rules beside the tests: the provider runs the built-in (shipped) rules.
        var provider = new RuleSetProvider(Options.Create(new RulesOptions()), new EngineMetrics(), time, new ListLogger<RuleSetProvider>());
        provider.LoadAtStart();
        var log = new ListLogger<CalendarCoverageWatch>();
        return (new CalendarCoverageWatch(provider, time, log), log);
    }

    private class ListLogger : ILogger
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }

    private sealed class ListLogger<T> : ListLogger, ILogger<T>;
}

using System.Text.Json;
using AlertEngine.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AlertEngine.IntegrationTests.Calendar;

/// <summary>
/// Mid-December 2026 the shipped holiday files (2026 only) no longer cover the next 30 days:
/// /healthz says so under warnings and stays ok (a warning, not a degraded engine).
/// </summary>
public sealed class CalendarCoverageHealthTests : EngineTestBase
{
    private protected override TimeProvider? Clock { get; } = new FakeTimeProvider(new DateTimeOffset(2026, 12, 15, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Health_HolidayFilesEndWithin30Days_WarnsAndStaysOk()
    {
        using var body = JsonDocument.Parse(await Engine.Client.GetStringAsync("/healthz", TestContext.Current.CancellationToken));

        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        var warning = Assert.Single(body.RootElement.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.StartsWith("The business calendar covers public holidays only until 2026-12-31", warning, StringComparison.Ordinal);
        Assert.Contains("rules/holidays/2027.yaml", warning, StringComparison.Ordinal);
    }
}

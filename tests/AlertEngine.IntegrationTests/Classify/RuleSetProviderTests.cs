using AlertEngine.Classify;
using AlertEngine.Ingest;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Pipeline;
using AlertEngine.Sla;
using AlertEngine.Tickets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertEngine.IntegrationTests.Classify;

/// <summary>The provider over a real folder: a change is applied only once it has settled; a bad one never.</summary>
public sealed class RuleSetProviderTests : IDisposable
{
    private readonly TempDatabase _folder = new();
    private readonly string _rules;

    public RuleSetProviderTests()
    {
        _rules = Path.Combine(_folder.Folder, "rules");
        Directory.CreateDirectory(_rules);
        Write("50-a.yaml", "rules:\n  - name: first\n    level: L2\n");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void CheckForChanges_ChangeSeenOnce_NotAppliedUntilItStaysTheSame()
    {
        var provider = Start();
        Write("50-a.yaml", "rules:\n  - name: second\n    level: L1\n");

        provider.CheckForChanges();
        Assert.Equal("first", Only(provider));

        provider.CheckForChanges();
        Assert.Equal("second", Only(provider));
        Assert.True(provider.Status.Valid);
    }

    [Fact]
    public void CheckForChanges_FileChangesAgainBetweenChecks_WaitsForTheLastVersion()
    {
        var provider = Start();
        Write("50-a.yaml", "rules:\n  - name: half-saved\n    level: L1\n");
        provider.CheckForChanges();
        Write("50-a.yaml", "rules:\n  - name: saved\n    level: L1\n");

        provider.CheckForChanges();
        Assert.Equal("first", Only(provider));
        provider.CheckForChanges();
        Assert.Equal("saved", Only(provider));
    }

    [Fact]
    public void CheckForChanges_BrokenThenReverted_LastGoodKeptThenValidAgain()
    {
        var provider = Start();
        var good = File.ReadAllText(Path.Combine(_rules, "50-a.yaml"));
        Write("50-a.yaml", "rules:\n  - name: second\n    level: L0\n");

        provider.CheckForChanges();
        provider.CheckForChanges();
        Assert.Equal("first", Only(provider));
        Assert.False(provider.Status.Valid);
        Assert.EndsWith("50-a.yaml:3:12: unknown level 'L0': use L1, L2, L3 or L4", Assert.Single(provider.Status.Rejected!.Errors).ToString(), StringComparison.Ordinal);

        Write("50-a.yaml", good);
        provider.CheckForChanges();
        Assert.True(provider.Status.Valid);
        Assert.Equal("first", Only(provider));
    }

    [Fact]
    public void CheckForChanges_FolderDeleted_RejectedAndLastGoodKept()
    {
        var provider = Start();
        Directory.Delete(_rules, recursive: true);

        provider.CheckForChanges();
        provider.CheckForChanges();

        Assert.Equal("first", Only(provider));
        Assert.Contains("rules folder not found", Assert.Single(provider.Status.Rejected!.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAtStart_BrokenFolder_ThrowsWithEveryError()
    {
        Write("60-b.yaml", "rules:\n  - name: x\n    levle: L1\n  - name: y\n    page: soon\n");
        var provider = new RuleSetProvider(Options.Create(new RulesOptions { Folder = _rules }), new EngineMetrics(), new FakeTimeProvider(), NullLogger<RuleSetProvider>.Instance);

        var ex = Assert.Throws<RulesInvalidException>(provider.LoadAtStart);

        Assert.Equal(2, ex.Errors.Count);
    }

    [Fact]
    public void CheckForChanges_HolidayFileAdded_CalendarAndSlaClockFollow()
    {
        var provider = Start();
        var clock = new RulesSlaClock(provider);
        var beforeNationalDay = new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 11, 30, 0, TimeSpan.FromHours(8)), clock.DeadlinesFor(SupportLevel.L3, beforeNationalDay).RespondBy);

        Write("holidays/2026.yaml", NationalDay);
        provider.CheckForChanges();
        provider.CheckForChanges();

        Assert.True(provider.Status.Valid);
        Assert.Equal(new DateOnly(2026, 12, 31), provider.Current.Calendar.CoveredUntil);
        Assert.Equal(new DateTimeOffset(2026, 10, 8, 11, 30, 0, TimeSpan.FromHours(8)), clock.DeadlinesFor(SupportLevel.L3, beforeNationalDay).RespondBy);
    }

    [Fact]
    public void CheckForChanges_BrokenHolidayFile_RejectedWithPositionAndLastGoodSetKept()
    {
        Write("holidays/2026.yaml", NationalDay);
        var provider = Start();
        var running = provider.Current;

        Write("holidays/2026.yaml", NationalDay + "working_days:\n  - 2026-10-12\n");
        provider.CheckForChanges();
        provider.CheckForChanges();

        Assert.Same(running, provider.Current);
        Assert.False(provider.Status.Valid);
        Assert.Equal(
            $"{Path.Combine(_rules, "holidays", "2026.yaml")}:4:5: 2026-10-12 is a Monday, a working day already: working_days lists the weekend days that are worked (make-up days)",
            Assert.Single(provider.Status.Rejected!.Errors).ToString());
        Assert.False(provider.Current.Calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));

        Write("holidays/2026.yaml", NationalDay + "working_days:\n  - { date: 2026-10-10, name: National Day }\n");
        provider.CheckForChanges();
        provider.CheckForChanges();

        Assert.True(provider.Status.Valid);
        Assert.True(provider.Current.Calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
    }

    [Fact]
    public void CheckForChanges_BrokenSlaTable_RejectedAndTheAgreementKeepsRunning()
    {
        var provider = Start();

        Write("05-sla.yaml", "sla:\n  L3: { respond: 4h, resolve: 2 business days, hard_limit: 1 business day }\n");
        provider.CheckForChanges();
        provider.CheckForChanges();

        Assert.EndsWith("05-sla.yaml:2:7: sla L3: respond (4h) ≤ resolve (17h) ≤ hard_limit (8h30m) must hold", Assert.Single(provider.Status.Rejected!.Errors).ToString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(17), provider.Current.Sla.For(SupportLevel.L3).HardLimit);
    }

    private const string NationalDay = "days_off:\n  - { from: 2026-10-01, to: 2026-10-07, name: National Day }\n";

    private RuleSetProvider Start()
    {
        var provider = new RuleSetProvider(Options.Create(new RulesOptions { Folder = _rules }), new EngineMetrics(), new FakeTimeProvider(), NullLogger<RuleSetProvider>.Instance);
        provider.LoadAtStart();
        return provider;
    }

    private static string? Only(RuleSetProvider provider) => provider.Current.Classify(new ZabbixEvent
    {
        Server = "main",
        EventId = "1",
        Kind = EventKind.Problem,
        Severity = 3,
        EventName = "x",
        TriggerId = "1",
        Host = "h",
        ProblemAt = DateTimeOffset.UnixEpoch,
    }).Rule;

    private void Write(string name, string text)
    {
        var path = Path.Combine(_rules, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}

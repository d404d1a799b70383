using AlertEngine.Classify;
using AlertEngine.Ingest;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Pipeline;
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

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_rules, name), text);
}

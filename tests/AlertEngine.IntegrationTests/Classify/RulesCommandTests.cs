using System.CommandLine;
using AlertEngine.Host.Commands;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Classify;

/// <summary>`alertengine rules validate|test|explain` through the real command line, in-process.</summary>
public sealed class RulesCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("alertengine-rules-").FullName;

    private static string Shipped => RepositoryRoot.File("rules");

    [Fact]
    public async Task Validate_ShippedFolder_ExitsZeroWithOkSummary()
    {
        var (exit, output, _) = await RunAsync("rules", "validate", Shipped);

        Assert.Equal(0, exit);
        Assert.StartsWith($"OK {Shipped}: 9 files, 8 rules, 0 maintenance windows", output, StringComparison.Ordinal);
        Assert.Contains("holidays until 2026-12-31", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenFolder_ExitsOneWithEveryError()
    {
        var folder = CopyShipped();
        File.WriteAllText(Path.Combine(folder, "50-broken.yaml"), "rules:\n  - name: x\n    levle: L1\n  - name: y\n    level: L9\n");

        var (exit, output, _) = await RunAsync("rules", "validate", folder);

        Assert.Equal(1, exit);
        Assert.Contains($"{Path.Combine(folder, "50-broken.yaml")}:3:5: unknown key 'levle' in a rule (did you mean 'level'?)", output, StringComparison.Ordinal);
        Assert.Contains($"{Path.Combine(folder, "50-broken.yaml")}:5:12: unknown level 'L9'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFolder_ExitsTwoSayingSo()
    {
        var (exit, _, errors) = await RunAsync("rules", "validate", Path.Combine(_temp, "nope"));

        Assert.Equal(2, exit);
        Assert.Contains($"no rules folder at {Path.Combine(_temp, "nope")}", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_ShippedFolder_EveryCasePasses()
    {
        var (exit, output, _) = await RunAsync("rules", "test", Shipped);

        Assert.True(exit == 0, output);
        Assert.Matches(@"^\d+ passed, 0 failed \(4 case files", output);
    }

    [Fact]
    public async Task Test_WrongExpectation_ExitsOneWithTheDiffAndWhere()
    {
        var folder = CopyShipped();
        var cases = Path.Combine(folder, "tests", "levels.yaml");
        File.WriteAllText(cases, File.ReadAllText(cases).Replace("expect: { level: L2, page: now", "expect: { level: L1, page: now", StringComparison.Ordinal));

        var (exit, output, _) = await RunAsync("rules", "test", folder);

        Assert.Equal(1, exit);
        Assert.Contains($"FAIL {cases}:13: high is L2 and pages at once", output, StringComparison.Ordinal);
        Assert.Contains("  - level: L1\n  + level: L2\n".ReplaceLineEndings(), output, StringComparison.Ordinal);
        Assert.Contains("passed, 1 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_MisspeltKeyInCaseFile_ExitsOneWithPositionAndHint()
    {
        var folder = CopyShipped();
        var cases = Path.Combine(folder, "tests", "typo.yaml");
        File.WriteAllText(cases, "# a typo\ncases:\n  - name: typo\n    event: { severity: high }\n    expect: { levle: L2 }\n");

        var (exit, output, _) = await RunAsync("rules", "test", folder);

        Assert.Equal(1, exit);
        Assert.Contains($"{cases}:5:15: unknown key 'levle' in expect (did you mean 'level'?)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_SampleProblem_NamesTheDecidingRuleAndResult()
    {
        var (exit, output, _) = await RunAsync("rules", "explain", RepositoryRoot.File("samples", "zabbix", "payloads", "problem.json"), "--rules", Shipped, "--server", "zbx-a");

        Assert.Equal(0, exit);
        Assert.Contains("<- decides", output, StringComparison.Ordinal);
        Assert.Contains("  decided by       high-is-l2 (", output, StringComparison.Ordinal);
        Assert.Contains("  correlation key  zbx-a:trigger:23137", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_BodyMissingFields_ExitsTwoNamingTheFields()
    {
        var body = Path.Combine(_temp, "bad.json");
        File.WriteAllText(body, """{"event_id":"1","value":1,"update_status":0,"severity":9}""");

        var (exit, _, errors) = await RunAsync("rules", "explain", body, "--rules", Shipped);

        Assert.Equal(2, exit);
        Assert.Contains("severity must be a Zabbix severity from 0 (not classified) to 5 (disaster)", errors, StringComparison.Ordinal);
        Assert.Contains("clock is required", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_BadAt_ExitsTwo()
    {
        var (exit, _, errors) = await RunAsync("rules", "explain", RepositoryRoot.File("samples", "zabbix", "payloads", "problem.json"), "--rules", Shipped, "--at", "soon");

        Assert.Equal(2, exit);
        Assert.Contains("--at 'soon' is not a time", errors, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    /// <summary>Runs `alertengine ARGS` in-process as Program.cs does; returns the exit code, stdout and stderr.</summary>
    internal static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await EngineCommandLine.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = errors }, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), errors.ToString());
    }

    /// <summary>A copy of the shipped rules folder (with its tests/) whose case files point at the repository's samples.</summary>
    private string CopyShipped()
    {
        var folder = Path.Combine(_temp, "rules");
        foreach (var file in Directory.GetFiles(Shipped, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, File.ReadAllText(file).Replace("../../samples/", RepositoryRoot.File("samples") + "/", StringComparison.Ordinal));
        }

        return folder;
    }
}

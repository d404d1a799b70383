using System.Text.Json.Nodes;
using AlertEngine.IntegrationTests.Classify;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Reports;

/// <summary><c>alertengine report handover</c> over the seeded database (<see cref="ShiftSeed"/>), read-only.</summary>
public sealed class HandoverReportCommandTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly string _rules;

    public HandoverReportCommandTests()
    {
        ShiftSeed.Database(_db.Path);
        ShiftSeed.Rules(_db.Folder);
        _rules = ShiftSeed.RulesFolder(_db.Folder);
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Handover_JsonToAFile_TheSeededShiftsTotals()
    {
        var file = Path.Combine(_db.Folder, "shift.json");

        var (exit, _, errors) = await Run("--from", "2026-11-17 09:30", "--to", "2026-11-17 18:00", "--format", "json", "--out", file);

        Assert.True(exit == 0, errors);
        Assert.Contains($"wrote the shift 2026-11-17 09:30 – 2026-11-17 18:00 (Asia/Shanghai) to {file}", errors, StringComparison.Ordinal);
        var totals = JsonNode.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken))!["totals"]!;
        Assert.Equal(
            (4, 4, 3, 1, 3, 9, 4, 2, 1),
            ((int)totals["openNow"]!, (int)totals["opened"]!, (int)totals["acknowledged"]!, (int)totals["resolved"]!, (int)totals["breached"]!,
             (int)totals["events"]!, (int)totals["pagesSent"]!, (int)totals["pagesFailed"]!, (int)totals["pagesHeld"]!));
    }

    [Fact]
    public async Task Handover_OnlyTheEnd_TheShiftSinceTheChangeBeforeAsHtmlOnStandardOutput()
    {
        var (exit, output, errors) = await Run("--to", "2026-11-17 18:00");

        Assert.True(exit == 0, errors);
        Assert.StartsWith("<!DOCTYPE html>", output, StringComparison.OrdinalIgnoreCase);
        foreach (var number in new[] { "T1001", "T1002", "T1003", "T1004", "T1006" })
        {
            Assert.Contains($"data-ticket=\"{number}\"", output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("T1005", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handover_MarkdownInChinese_ChineseLabels()
    {
        var (exit, output, errors) = await Run("--to", "2026-11-17 18:00", "--format", "md", "--language", "zh-CN");

        Assert.True(exit == 0, errors);
        Assert.Contains("交接班", output, StringComparison.Ordinal);
        Assert.Contains("| T1002 |", output, StringComparison.Ordinal);
    }

    // rule, arguments, what the error says
    public static TheoryData<string, string[], string> Misuse => new()
    {
        { "a time nobody can read", ["--from", "soon"], "--from 'soon' is not a local time" },
        { "from after to", ["--from", "2026-11-18", "--to", "2026-11-17"], "--from must be before --to" },
        { "an unknown language", ["--language", "fr"], "Reports:Language must be en or zh-CN" },
        { "an unknown format", ["--format", "pdf"], "pdf" },
    };

    [Theory]
    [MemberData(nameof(Misuse))]
    public async Task Handover_Misused_ExitsTwoSayingWhat(string rule, string[] arguments, string says)
    {
        var (exit, output, errors) = await Run(arguments);

        Assert.True(exit == 2, $"{rule}: exit {exit}");
        Assert.Contains(says, errors + output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handover_NoDatabase_ExitsTwoNamingThePath()
    {
        var (exit, _, errors) = await RulesCommandTests.RunAsync("report", "handover", "--rules", _rules, "--database", _db.Path + ".missing");

        Assert.Equal(2, exit);
        Assert.Contains($"no database at {_db.Path}.missing", errors, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Output, string Errors)> Run(params string[] arguments) =>
        RulesCommandTests.RunAsync(["report", "handover", "--rules", _rules, "--database", _db.Path, .. arguments]);
}

using AlertEngine.Reports;
using AlertEngine.Reports.Render;

namespace AlertEngine.UnitTests.Reports.Render;

/// <summary>The handover report as Markdown for chat: exact title, counts, table rows and bullets.</summary>
public sealed class HandoverMarkdownTests
{
    private static readonly string[] Busy = HandoverMarkdown.Render(SampleReports.Busy(), ReportLanguage.En).Split('\n');

    [Fact]
    public void Render_BusyShift_StartsWithTheShiftAndItsCounts()
    {
        Assert.Equal("# Shift handover 2026-03-02 08:00 – 16:30 · Asia/Shanghai (UTC+08:00)", Busy[0]);
        Assert.Equal(
            "**Open now** 3 (L1 1 · L2 1 · L3 1 · L4 0) · **Opened** 2 · **Acknowledged** 1 · **Resolved** 1 · **Deadlines breached** 1 · **Events** 24 · **Pages sent** 2 · **Pages failed** 1 · **Pages held** 1",
            Busy[2]);
    }

    [Fact]
    public void Render_BusyShift_TablesOpenTicketsByLevelWithPipesEscaped()
    {
        var table = Table("## Open tickets");

        Assert.Equal(
            [
                "| Ticket | Level | State | Customer | Host | Title | Opened | Holder | Respond | Resolve |",
                "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
                "| 1201 | L1 | open | NC | srv-nc-web1 | Disk full on /var | 15:40 | Li Wei | 35 min overdue | 3 h 10 min left |",
                "| 1195 | L2 | acknowledged | ACME | db-acme-2 | <script>alert(1)</script> | 10:15 | Zhang San | met | 2 h 05 min left |",
                "| 1180 | L3 | open |  | gw-core-2 | Interface eth0 down \\| flapping | 2026-03-01 09:00 | nobody | 2 d 16 h left | 6 d 16 h left |",
            ],
            table);
    }

    [Fact]
    public void Render_BusyShift_TablesActivityProblemsNoiseAndPages()
    {
        Assert.Equal(
            [
                "| Opened | 1201 | L1 | NC | Disk full on /var | 15:40 |  |",
                "| Opened | 1195 | L2 | ACME | <script>alert(1)</script> | 10:15 |  |",
                "| Acknowledged | 1195 | L2 | ACME | <script>alert(1)</script> | 10:40 | Zhang San |",
                "| Resolved | 1190 | L2 | NC | High CPU load | 11:20 | Li Wei |",
                "| Deadlines breached (respond) | 1201 | L1 | NC | Disk full on /var | 15:55 |  |",
            ],
            Table("## In this shift")[2..]);
        Assert.Equal(["| 1170 | L3 | open | NC | MySQL replication lag | 14 | 5 |"], Table("## PROBLEM tickets")[2..]);
        Assert.Equal(["| MySQL replication lag | db-nc-1 | 14 |", "| Disk full on /var | srv-nc-web1 | 3 |"], Table("## Noisiest triggers")[2..]);
        Assert.Equal(["| db-nc-1 | 14 |", "| srv-nc-web1 | 3 |"], Table("## Noisiest hosts")[2..]);
        Assert.Equal(
            [
                "| 1195 | L2 | Zhang San | SMS | 10:36 | delivered | 4 min | Zhang San | SMS |",
                "| 1201 | L1 | Li Wei | SMS | 15:41 | delivered |  |  |  |",
            ],
            Table("## Pages sent")[2..]);
        Assert.Equal(["| 1201 | L1 | Li Wei | call | 15:41 | 21217 Phone number does not appear to be valid |"], Table("## Failed pages")[2..]);
        Assert.Equal(["| 1180 | L3 | network |  | Interface eth0 down \\| flapping | 2026-03-03 09:00 |"], Table("## Held pages")[2..]);
    }

    [Fact]
    public void Render_BusyShift_EndsWithBullets()
    {
        Assert.Equal(["- srv-nc-app3: patching until 18:00"], Table("## Maintenance windows in force"));
        Assert.Equal(["- The business calendar has no holidays for 2027."], Table("## Calendar warnings"));
        Assert.Equal(
            [
                "- **ops**: Wang Fang, Backup Chen Jie, evening, Until 2026-03-03 00:30",
                "- **network (covered by ops)**: Wang Fang, after hours, Until 2026-03-03 08:00",
            ],
            Table("## Next shift on duty"));
    }

    [Fact]
    public void Render_Chinese_UsesChineseLabels()
    {
        var lines = HandoverMarkdown.Render(SampleReports.Busy(), ReportLanguage.ZhCn).Split('\n');

        Assert.Equal("# 交接班报告 2026-03-02 08:00 – 16:30 · Asia/Shanghai (UTC+08:00)", lines[0]);
        Assert.Contains("| 1201 | L1 | 未处理 | NC | srv-nc-web1 | Disk full on /var | 15:40 | Li Wei | 已超时 35 分 | 剩余 3 小时 10 分 |", lines);
    }

    [Fact]
    public void Render_QuietShift_IsAFewLines()
    {
        var markdown = HandoverMarkdown.Render(SampleReports.Quiet(), ReportLanguage.En);

        Assert.Equal(
            """
            # Shift handover 2026-03-02 08:00 – 16:30 · Asia/Shanghai (UTC+08:00)

            A quiet shift: no tickets opened, none open, no pages.

            ## Maintenance windows in force

            - srv-nc-app3: patching until 18:00

            ## Next shift on duty

            - **ops**: Wang Fang, Backup Chen Jie, evening, Until 2026-03-03 00:30
            - **network (covered by ops)**: Wang Fang, after hours, Until 2026-03-03 08:00

            """,
            markdown);
    }

    [Fact]
    public void Cell_PipesAndLineBreaks_AreEscapedAndFolded()
    {
        Assert.Equal("a \\| b c", HandoverMarkdown.Cell(" a | b\r\nc "));
    }

    /// <summary>The lines after <paramref name="heading"/> and its blank line, up to the next blank line.</summary>
    private static string[] Table(string heading) =>
        [.. Busy.SkipWhile(l => l != heading).Skip(2).TakeWhile(l => l.Length > 0)];
}

using AlertEngine.Paging;
using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Paging;

/// <summary>One page by SMS: what it says, and that it fits one segment whenever the bare minimum does.</summary>
public sealed class PageTextSmsTests
{
    // A link as AckLinks makes them: base URL, /a/, a 33-character token.
    private const string Link = "https://alerts.example.com/a/AcCaAt-5LwExMjM0.Hk3_q9ZtYw2LcQ";

    private const string LongProblem =
        "Free disk space is less than 5% on volume /var/lib/mysql (used: 97.3 GB of 100 GB, growing 1.2 GB per hour since 02:00; "
        + "the binlog purge job failed twice and replication to the standby is lagging 1800 seconds)";

    private const string LongHost = "srv-acmegaming-eu-west-frontend-loadbalancer-primary-01";

    // rule, subject
    public static TheoryData<string, PageSubject> Subjects => new()
    {
        { "short everything", new PageSubject("1234", SupportLevel.L1, "NC", "srv-nc-web1", "Disk full on /var") },
        { "long problem", new PageSubject("1234", SupportLevel.L2, "NC", "srv-nc-db1", LongProblem) },
        { "long host", new PageSubject("98765", SupportLevel.L1, "ACMEGAMING", LongHost, "Nginx is down") },
        { "long host and long problem", new PageSubject("98765", SupportLevel.L3, "ACMEGAMING", LongHost, LongProblem) },
        { "no customer", new PageSubject("7", SupportLevel.L4, null, "gw-core-2", "Interface eth0 down") },
        { "no customer, no host", new PageSubject("1240", SupportLevel.L1, null, null, "Zabbix agent on 12 hosts is unreachable") },
        { "problem over 2 KB", new PageSubject("1234", SupportLevel.L2, "NC", "srv-nc-web1", string.Concat(Enumerable.Repeat("High CPU load; ", 150))) },
        { "typographic quotes and dashes", new PageSubject("1234", SupportLevel.L1, "NC", "srv-nc-web1", "Service “nginx” isn’t running – restart failed…") },
        { "extension characters count two", new PageSubject("1234", SupportLevel.L2, "NC", "srv-nc-web1", string.Concat(Enumerable.Repeat("{HOST} [crit] | load ~ 95% ^ ", 8))) },
        { "problem over several lines", new PageSubject("1234", SupportLevel.L1, "NC", "srv-nc-web1", "Disk full\non /var\r\n\tused 99%") },
    };

    [Theory]
    [MemberData(nameof(Subjects))]
    public void Sms_EnglishWithLink_FitsOneGsmSegmentKeepingTicketAckAndLink(string rule, PageSubject subject)
    {
        var sms = PageText.Sms(subject, PageLanguage.English, Link);

        Assert.True(PageText.Measure(sms) is { Gsm7: true, Segments: 1 }, $"{rule}: {PageText.Measure(sms)} {sms}");
        Assert.Matches($"^{subject.Level}[ :]", sms);
        Assert.Contains($"#{subject.TicketNumber} ", sms, StringComparison.Ordinal);
        Assert.Contains($"ACK {subject.TicketNumber} ", sms, StringComparison.Ordinal);
        Assert.EndsWith(" " + Link, sms, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void Sms_EnglishWithoutLink_FitsOneGsmSegmentEndingWithAckCode(string rule, PageSubject subject)
    {
        var sms = PageText.Sms(subject, PageLanguage.English, null);

        Assert.True(PageText.Measure(sms) is { Gsm7: true, Segments: 1 }, $"{rule}: {sms}");
        Assert.EndsWith($"Reply ACK {subject.TicketNumber}", sms, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void Sms_ChineseWithoutLink_FitsSeventyUnits(string rule, PageSubject subject)
    {
        var sms = PageText.Sms(subject, PageLanguage.Chinese, null);

        Assert.True(PageText.Measure(sms) is { Gsm7: false, Segments: 1, Units: <= 70 }, $"{rule}: {PageText.Measure(sms)} {sms}");
        Assert.Contains($"工单{subject.TicketNumber}", sms, StringComparison.Ordinal);
        Assert.Contains($"ACK {subject.TicketNumber}", sms, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void Sms_ChineseWithLink_TakesTheFewestSegmentsTheBareMinimumNeeds(string rule, PageSubject subject)
    {
        var bare = PageText.Sms(subject with { Customer = null, Host = null, Problem = "" }, PageLanguage.Chinese, Link);

        var sms = PageText.Sms(subject, PageLanguage.Chinese, Link);

        Assert.True(PageText.Measure(bare).Segments == 2, $"the bare minimum needs two: {bare}");
        Assert.True(PageText.Measure(sms).Segments == 2, $"{rule}: {PageText.Measure(sms)} {sms}");
        Assert.EndsWith(" " + Link, sms, StringComparison.Ordinal);
        Assert.Contains($"ACK {subject.TicketNumber}", sms, StringComparison.Ordinal);
    }

    [Fact]
    public void Sms_ShortExample_ReadsAsTheIssueShowsIt()
    {
        var subject = new PageSubject("1234", SupportLevel.L1, "NC", "srv-nc-web1", "Disk full on /var");

        Assert.Equal($"L1 NC srv-nc-web1: Disk full on /var. #1234 Reply ACK 1234 or tap {Link}", PageText.Sms(subject, PageLanguage.English, Link));
        Assert.Equal("L1 NC srv-nc-web1：Disk full on /var。工单1234 回复ACK 1234确认", PageText.Sms(subject, PageLanguage.Chinese, null));
        Assert.Equal("L1 NC srv-nc-web1：/var 磁盘满。工单1234 回复ACK 1234确认", PageText.Sms(subject with { Problem = "/var 磁盘满" }, PageLanguage.Chinese, null));
    }

    [Fact]
    public void Sms_ChineseWithShortLink_FitsOneSegment()
    {
        var subject = new PageSubject("1234", SupportLevel.L1, "NC", "srv-nc-web1", "/var 磁盘满");

        var sms = PageText.Sms(subject, PageLanguage.Chinese, "https://a.cn/a/x");

        Assert.True(PageText.Measure(sms).Segments == 1, sms);
        Assert.EndsWith("或点 https://a.cn/a/x", sms, StringComparison.Ordinal);
    }

    [Fact]
    public void Sms_LongProblem_CutsTheProblemWithThreeDotsAndKeepsTheHost()
    {
        var sms = PageText.Sms(new PageSubject("1234", SupportLevel.L2, "NC", "srv-nc-db1", LongProblem), PageLanguage.English, Link);

        Assert.StartsWith("L2 NC srv-nc-db1: Free disk space is less than 5%", sms, StringComparison.Ordinal);
        Assert.Contains("... #1234 ", sms, StringComparison.Ordinal);
        Assert.DoesNotContain("…", sms, StringComparison.Ordinal);
    }

    [Fact]
    public void Sms_LongProblem_KeepsAsMuchOfTheProblemAsTheSegmentHolds()
    {
        var sms = PageText.Sms(new PageSubject("1234", SupportLevel.L2, "NC", "srv-nc-db1", LongProblem), PageLanguage.English, Link);

        // One more character of the problem would not fit: the segment is full but for a space the cut trimmed.
        var measured = PageText.Measure(sms);
        Assert.Equal(1, measured.Segments);
        Assert.InRange(measured.Units, PageText.Gsm7Single - 1, PageText.Gsm7Single);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(21)]
    [InlineData(1234)]
    public void Longest_AnyCutOff_TheSameLengthAsTryingEachInTurn(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 500; round++)
        {
            var to = random.Next(0, 40);
            var from = to + random.Next(-2, 200);
            var fitsUpTo = random.Next(to - 5, from + 5);
            string Render(int length) => new('x', length);
            bool Fits(string text) => text.Length <= fitsUpTo;

            string? oneByOne = null;
            for (var length = from; length >= to && oneByOne is null; length--)
            {
                oneByOne = Fits(Render(length)) ? Render(length) : null;
            }

            Assert.Equal(oneByOne, PageText.Longest(from, to, Render, Fits));
        }
    }

    [Fact]
    public void Sms_LongHostAndLongProblem_CutsTheHostInTheMiddleAfterTheProblem()
    {
        var sms = PageText.Sms(new PageSubject("98765", SupportLevel.L3, "ACMEGAMING", LongHost, LongProblem), PageLanguage.English, Link);

        Assert.StartsWith("L3 ACMEGAMING srv-acmeg", sms, StringComparison.Ordinal);
        Assert.Contains("...r-primary-01: Free disk space is less", sms, StringComparison.Ordinal);
        Assert.True(PageText.Measure(sms).Segments == 1, sms);
    }

    [Fact]
    public void Sms_TypographicQuotes_BecomeGsmLookAlikes()
    {
        var sms = PageText.Sms(new PageSubject("1234", SupportLevel.L1, "NC", "srv-nc-web1", "Service “nginx” isn’t running – restart failed…"), PageLanguage.English, null);

        Assert.Equal("L1 NC srv-nc-web1: Service \"nginx\" isn't running - restart failed... #1234 Reply ACK 1234", sms);
        Assert.True(PageText.Measure(sms).Gsm7);
    }

    [Fact]
    public void Sms_EmojiInEnglishProblem_SwitchesToUcs2AndStillFitsOneSegment()
    {
        var subject = new PageSubject("1234", SupportLevel.L1, "NC", "srv-nc-web1", "🔥 Disk full on /var, the database stopped writing and the site is down");

        var sms = PageText.Sms(subject, PageLanguage.English, null);

        Assert.True(PageText.Measure(sms) is { Gsm7: false, Segments: 1 }, sms);
        Assert.EndsWith("… #1234 Reply ACK 1234", sms, StringComparison.Ordinal);
    }

    [Fact]
    public void Sms_ProblemCutAtEmoji_NeverSplitsASurrogatePair()
    {
        var problem = string.Concat(Enumerable.Repeat("🔥", 60));

        var sms = PageText.Sms(new PageSubject("1234", SupportLevel.L1, null, null, problem), PageLanguage.English, null);

        Assert.True(PageText.Measure(sms).Segments == 1, sms);
        Assert.DoesNotContain(sms.Select((c, i) => (c, i)), p => char.IsHighSurrogate(p.c) && (p.i + 1 == sms.Length || !char.IsLowSurrogate(sms[p.i + 1])));
    }

    [Fact]
    public void Sms_LinkLongerThanASegment_TakesTwoSegmentsAndKeepsTheLinkWhole()
    {
        var link = "https://alerts.example.com/" + new string('x', 150);

        var sms = PageText.Sms(new PageSubject("1234", SupportLevel.L1, "NC", "srv-nc-web1", "Disk full on /var"), PageLanguage.English, link);

        Assert.True(PageText.Measure(sms).Segments == 2, sms);
        Assert.EndsWith(" " + link, sms, StringComparison.Ordinal);
    }
}

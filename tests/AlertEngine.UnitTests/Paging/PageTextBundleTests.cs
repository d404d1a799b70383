using AlertEngine.Paging;
using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Paging;

/// <summary>Several pages for one person in one SMS: highest level first, "+N more" when they do not all fit.</summary>
public sealed class PageTextBundleTests
{
    private const string Link = "https://alerts.example.com/a/AcCaAt-5LwExMjM0.Hk3_q9ZtYw2LcQ";

    private static readonly PageSubject[] Three =
    [
        new("1240", SupportLevel.L2, "NC", "srv-nc-db2", "MySQL replication lag"),
        new("1234", SupportLevel.L1, "NC", "srv-nc-web1", "Disk full on /var"),
        new("1241", SupportLevel.L3, null, "gw-core-2", "Interface eth0 down"),
    ];

    [Fact]
    public void Bundle_ThreePages_ListsThemHighestLevelFirst()
    {
        var sms = PageText.Bundle(Three, PageLanguage.English, null);

        Assert.Equal("3 new alerts: L1 #1234 NC web1, L2 #1240 NC db2, L3 #1241 gw-core-2; reply ACK <ticket> for one, or ACK ALL", sms);
    }

    [Fact]
    public void Bundle_ThreePagesInChinese_ListsThemHighestLevelFirstInOneSegment()
    {
        var sms = PageText.Bundle(Three, PageLanguage.Chinese, null);

        Assert.StartsWith("3条新告警：L1 #1234 NC web1，L2 #1240", sms, StringComparison.Ordinal);
        Assert.Contains("ACK ALL", sms, StringComparison.Ordinal);
        Assert.True(PageText.Measure(sms).Segments == 1, sms);
    }

    [Fact]
    public void Bundle_SameLevel_KeepsTheOrderGiven()
    {
        PageSubject[] subjects = [new("20", SupportLevel.L2, "NC", null, "a"), new("10", SupportLevel.L2, "NC", null, "b")];

        var sms = PageText.Bundle(subjects, PageLanguage.English, null);

        Assert.StartsWith("2 new alerts: L2 #20 NC, L2 #10 NC;", sms, StringComparison.Ordinal);
    }

    // rule, language, link
    public static TheoryData<string, PageLanguage, string?> Storms => new()
    {
        { "English without link", PageLanguage.English, null },
        { "English with link", PageLanguage.English, Link },
        { "Chinese without link", PageLanguage.Chinese, null },
    };

    [Theory]
    [MemberData(nameof(Storms))]
    public void Bundle_TwentyPages_FitsOneSegmentCountingTheRestAsMore(string rule, PageLanguage language, string? link)
    {
        var subjects = Enumerable.Range(0, 20)
            .Select(i => new PageSubject((3000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), i == 7 ? SupportLevel.L1 : SupportLevel.L3, "NC", $"srv-nc-app{i}", "High load"))
            .ToList();

        var sms = PageText.Bundle(subjects, language, link);

        Assert.True(PageText.Measure(sms).Segments == 1, $"{rule}: {sms}");
        Assert.Contains(language == PageLanguage.Chinese ? "20条新告警：L1 #3007 NC app7" : "20 new alerts: L1 #3007 NC app7", sms, StringComparison.Ordinal);
        var shown = sms.Split('#').Length - 1;
        Assert.Contains(language == PageLanguage.Chinese ? $"另{20 - shown}条" : $"+{20 - shown} more", sms, StringComparison.Ordinal);
        Assert.Contains("ACK ALL", sms, StringComparison.Ordinal);
        if (link is not null)
        {
            Assert.EndsWith(" " + link, sms, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Bundle_ChineseWithLink_TakesTwoSegmentsKeepingTheLink()
    {
        var subjects = Enumerable.Range(0, 20).Select(i => new PageSubject($"{3000 + i}", SupportLevel.L2, "NC", $"srv-nc-app{i}", "High load")).ToList();

        var sms = PageText.Bundle(subjects, PageLanguage.Chinese, Link);

        Assert.True(PageText.Measure(sms).Segments == 2, sms);
        Assert.EndsWith(" " + Link, sms, StringComparison.Ordinal);
        Assert.Contains("，另", sms, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundle_OnePage_IsWordedAsASinglePage()
    {
        Assert.Equal(PageText.Sms(Three[0], PageLanguage.English, Link), PageText.Bundle([Three[0]], PageLanguage.English, Link));
    }

    [Fact]
    public void Bundle_NoPages_Throws()
    {
        Assert.Throws<ArgumentException>(() => PageText.Bundle([], PageLanguage.English, null));
    }
}

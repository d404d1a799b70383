using AlertEngine.Paging;
using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Paging;

/// <summary>The words a call speaks: level for speech, host without dashes, ticket digit by digit, the key to press.</summary>
public sealed class PageTextSpokenTests
{
    private static readonly PageSubject Web1 = new("1234", SupportLevel.L1, "NC", "srv-nc-web1", "Disk full on /var");

    [Fact]
    public void Spoken_EnglishWithKeyPress_SaysEverythingAndTheKey()
    {
        Assert.Equal(
            "Level 1 alert. Customer NC. Host srv nc web1. Disk full on /var. Ticket 1 2 3 4. Press 1 to acknowledge.",
            PageText.Spoken(Web1, PageLanguage.English, keyPressAcknowledges: true));
    }

    [Fact]
    public void Spoken_ChineseWithKeyPress_SaysEverythingAndTheKey()
    {
        Assert.Equal(
            "一级告警。客户 NC。主机 srv nc web1。/var 磁盘满。工单 1 2 3 4。按1确认。",
            PageText.Spoken(Web1 with { Problem = "/var 磁盘满" }, PageLanguage.Chinese, keyPressAcknowledges: true));
    }

    // rule, language, key-press phrase
    public static TheoryData<string, PageLanguage, string> KeyPhrases => new()
    {
        { "English", PageLanguage.English, "Press 1" },
        { "Chinese", PageLanguage.Chinese, "按1" },
    };

    [Theory]
    [MemberData(nameof(KeyPhrases))]
    public void Spoken_WithoutKeyPress_DoesNotMentionTheKey(string rule, PageLanguage language, string phrase)
    {
        Assert.DoesNotContain(phrase, PageText.Spoken(Web1, language, keyPressAcknowledges: false), StringComparison.Ordinal);
        Assert.True(PageText.Spoken(Web1, language, keyPressAcknowledges: true).Contains(phrase, StringComparison.Ordinal), rule);
    }

    // rule, level, English, Chinese
    public static TheoryData<string, SupportLevel, string, string> Levels => new()
    {
        { "L1", SupportLevel.L1, "Level 1 alert.", "一级告警。" },
        { "L2", SupportLevel.L2, "Level 2 alert.", "二级告警。" },
        { "L3", SupportLevel.L3, "Level 3 alert.", "三级告警。" },
        { "L4", SupportLevel.L4, "Level 4 alert.", "四级告警。" },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void Spoken_Level_IsSpelledForSpeech(string rule, SupportLevel level, string english, string chinese)
    {
        Assert.True(PageText.Spoken(Web1 with { Level = level }, PageLanguage.English, false).StartsWith(english, StringComparison.Ordinal), rule);
        Assert.True(PageText.Spoken(Web1 with { Level = level }, PageLanguage.Chinese, false).StartsWith(chinese, StringComparison.Ordinal), rule);
    }

    [Fact]
    public void Spoken_NoCustomerNoHost_SkipsThem()
    {
        var spoken = PageText.Spoken(new PageSubject("98765", SupportLevel.L2, null, null, "Zabbix agent unreachable!"), PageLanguage.English, false);

        Assert.Equal("Level 2 alert. Zabbix agent unreachable! Ticket 9 8 7 6 5.", spoken);
    }

    [Fact]
    public void Spoken_HostWithUnderscoresAndDoubleDashes_ReadsAsWords()
    {
        var spoken = PageText.Spoken(Web1 with { Host = "srv_nc--db-01" }, PageLanguage.English, false);

        Assert.Contains("Host srv nc db 01.", spoken, StringComparison.Ordinal);
    }

    [Fact]
    public void Spoken_ProblemOver2KB_IsCutAtAWord()
    {
        var spoken = PageText.Spoken(Web1 with { Problem = string.Concat(Enumerable.Repeat("High CPU load; ", 150)) }, PageLanguage.English, true);

        Assert.InRange(spoken.Length, 100, 300);
        Assert.Contains("load; High CPU... Ticket 1 2 3 4.", spoken, StringComparison.Ordinal);
    }
}

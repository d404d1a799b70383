using AlertEngine.Paging;

namespace AlertEngine.UnitTests.Paging;

/// <summary>SMS encoding and segments: GSM-7 160/153 septets, UCS-2 70/67 code units.</summary>
public sealed class PageTextMeasureTests
{
    // rule, text, GSM-7, units, segments
    public static TheoryData<string, string, bool, int, int> Known => new()
    {
        { "160 GSM letters: one segment", new string('a', 160), true, 160, 1 },
        { "161 GSM letters: two segments", new string('a', 161), true, 161, 2 },
        { "306 GSM letters: two parts of 153", new string('a', 306), true, 306, 2 },
        { "307 GSM letters: three parts", new string('a', 307), true, 307, 3 },
        { "70 Chinese characters: one segment", new string('中', 70), false, 70, 1 },
        { "71 Chinese characters: two segments", new string('中', 71), false, 71, 2 },
        { "134 Chinese characters: two parts of 67", new string('中', 134), false, 134, 2 },
        { "extension characters count two septets", "{}[]~^|\\€", true, 18, 1 },
        { "80 braces are 160 septets: one segment", new string('{', 80), true, 160, 1 },
        { "81 braces are 162 septets: two segments", new string('{', 81), true, 162, 2 },
        { "an escape pair is never split across parts", new string('a', 152) + "{" + new string('a', 10), true, 164, 2 },
        { "GSM accents and Greek stay GSM-7", "éèùìòÇØÅåΔΦΓΛΩΠΨΣΘΞÆæßÉ¡¿äöñüà£¥§", true, 33, 1 },
        { "one curly quote switches to UCS-2", new string('a', 69) + "’", false, 70, 1 },
        { "an emoji counts two units", "🔥", false, 2, 1 },
        { "69 letters and an emoji: two segments", new string('a', 69) + "🔥", false, 71, 2 },
        { "an empty body is no segment", "", true, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Known))]
    public void Measure_KnownText_GivesEncodingUnitsAndSegments(string rule, string text, bool gsm7, int units, int segments)
    {
        var measured = PageText.Measure(text);

        Assert.True(measured == new SmsEncoding(gsm7, units, segments), $"{rule}: {measured}");
    }

    [Fact]
    public void Measure_SurrogatePairAtAPartBoundary_MovesWholeToTheNextPart()
    {
        // 66 units and a pair: the pair does not fit the first 67-unit part whole.
        var text = new string('中', 66) + "🔥" + new string('中', 66);

        Assert.Equal(new SmsEncoding(false, 134, 3), PageText.Measure(text));
    }
}

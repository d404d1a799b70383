using AlertEngine.Paging;

namespace AlertEngine.UnitTests.Paging;

/// <summary>Engineers' SMS replies: every accepted form, and what is not understood.</summary>
public sealed class SmsReplyTests
{
    // rule, body, action, ticket, all
    public static TheoryData<string, string, SmsReplyAction, string?, bool> Accepted => new()
    {
        { "ACK and a number", "ACK 1234", SmsReplyAction.Acknowledge, "1234", false },
        { "lower case, no space", "ack1234", SmsReplyAction.Acknowledge, "1234", false },
        { "A for short", "A 1234", SmsReplyAction.Acknowledge, "1234", false },
        { "spaces around and a hash", " Ack  #1234 ", SmsReplyAction.Acknowledge, "1234", false },
        { "hash without a space", "ACK#1234", SmsReplyAction.Acknowledge, "1234", false },
        { "acknowledge in full", "Acknowledge 1234", SmsReplyAction.Acknowledge, "1234", false },
        { "trailing full stop", "ack 1234.", SmsReplyAction.Acknowledge, "1234", false },
        { "a line break", "ACK\n1234", SmsReplyAction.Acknowledge, "1234", false },
        { "RES and a number", "RES 1234", SmsReplyAction.Resolve, "1234", false },
        { "R for short", "R 1234", SmsReplyAction.Resolve, "1234", false },
        { "resolve in full", "resolve 1234", SmsReplyAction.Resolve, "1234", false },
        { "ACK ALL", "ACK ALL", SmsReplyAction.Acknowledge, null, true },
        { "ack all in lower case", "ack all", SmsReplyAction.Acknowledge, null, true },
        { "bare 1: the one open page", "1", SmsReplyAction.Acknowledge, null, false },
        { "bare 1 with spaces", " 1 ", SmsReplyAction.Acknowledge, null, false },
        { "bare ACK: the one open page", "ack", SmsReplyAction.Acknowledge, null, false },
        { "Chinese acknowledge with a number", "确认 1234", SmsReplyAction.Acknowledge, "1234", false },
        { "Chinese acknowledge glued", "确认1234", SmsReplyAction.Acknowledge, "1234", false },
        { "Chinese acknowledge alone", "确认", SmsReplyAction.Acknowledge, null, false },
        { "Chinese acknowledge with a full stop", "确认。", SmsReplyAction.Acknowledge, null, false },
        { "Chinese resolve", "解决 1234", SmsReplyAction.Resolve, "1234", false },
        { "full-width digits", "ACK １２３４", SmsReplyAction.Acknowledge, "1234", false },
        { "full-width letters", "ＡＣＫ 1234", SmsReplyAction.Acknowledge, "1234", false },
        { "full-width everything and an ideographic space", "ａｃｋ　＃１２３４", SmsReplyAction.Acknowledge, "1234", false },
        { "full-width bare 1", "１", SmsReplyAction.Acknowledge, null, false },
        { "Chinese with full-width digits", "解决１２３４", SmsReplyAction.Resolve, "1234", false },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Parse_AcceptedForm_ReadsActionTicketAndAll(string rule, string body, SmsReplyAction action, string? ticket, bool all)
    {
        var command = SmsReply.Parse(body);

        Assert.True(command.Action == action && command.TicketNumber == ticket && command.All == all, $"{rule}: {command}");
        Assert.False(string.IsNullOrEmpty(command.Reason));
    }

    // rule, body
    public static TheoryData<string, string?> Rejected => new()
    {
        { "null", null },
        { "empty", "" },
        { "only spaces", "   " },
        { "chat", "on my way, 5 min" },
        { "a bare ticket number", "1234" },
        { "bare 2", "2" },
        { "a project ticket is never paged", "ACK NC00012.1" },
        { "two tickets", "ACK 1234 1240" },
        { "word after the number", "ACK 1234 please" },
        { "verb glued to letters", "ACKED 1234" },
        { "ALL alone", "ALL" },
        { "resolve without a ticket", "RES" },
        { "resolve all is not accepted", "RES ALL" },
        { "Chinese resolve alone", "解决" },
        { "STOP is Twilio's", "STOP" },
        { "a ten-digit number", "ACK 1234567890" },
        { "Arabic-Indic digits", "ACK ١٢٣٤" },
        { "over 64 characters", "ACK 1234 " + new string('x', 100) },
        { "huge", new string('A', 100_000) },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Parse_RejectedForm_UnknownWithAReason(string rule, string? body)
    {
        var command = SmsReply.Parse(body);

        Assert.True(command is { Action: SmsReplyAction.Unknown, TicketNumber: null, All: false }, $"{rule}: {command}");
        Assert.False(string.IsNullOrEmpty(command.Reason));
    }

    [Fact]
    public void Parse_ResolveAll_ReasonSaysWhy()
    {
        Assert.Contains("one by one", SmsReply.Parse("RES ALL").Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PageLanguage.English)]
    [InlineData(PageLanguage.Chinese)]
    public void Help_EitherLanguage_FitsOneSegmentAndNamesTheCommands(PageLanguage language)
    {
        var help = SmsReply.Help(language);

        Assert.True(PageText.Measure(help).Segments == 1, help);
        Assert.Contains("ACK", help, StringComparison.Ordinal);
        Assert.Contains("RES", help, StringComparison.Ordinal);
        Assert.Contains("ACK ALL", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_English_ReadsAsTheIssueShowsIt()
    {
        Assert.Equal("Reply ACK <ticket> or RES <ticket>; ACK ALL for all your open pages.", SmsReply.Help(PageLanguage.English));
        Assert.True(PageText.Measure(SmsReply.Help(PageLanguage.English)).Gsm7);
    }
}

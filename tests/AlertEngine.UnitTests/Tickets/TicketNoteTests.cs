using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Tickets;

public sealed class TicketNoteTests
{
    [Theory]
    [InlineData(TicketAction.Comment, null, "is required")]
    [InlineData(TicketAction.Comment, "  ", "is required")]
    [InlineData(TicketAction.Acknowledge, null, null)]
    [InlineData(TicketAction.Resolve, "restarted php-fpm", null)]
    public void Check_ActionAndText_RequiredOnlyForAComment(TicketAction action, string? text, string? error)
    {
        var result = TicketNote.Check(action, text);

        if (error is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.Contains(error, result, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_TooLong_SaysTheLimit()
    {
        Assert.Contains("4000", TicketNote.Check(TicketAction.Close, new string('x', 4_001)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TicketAction.Acknowledge, null, "Acknowledged through the API")]
    [InlineData(TicketAction.Resolve, " restarted php-fpm ", "Resolved through the API: restarted php-fpm")]
    [InlineData(TicketAction.Close, "", "Closed through the API")]
    [InlineData(TicketAction.Comment, "customer confirmed", "customer confirmed")]
    public void TimelineText_Action_SaysWhatHappened(TicketAction action, string? text, string expected)
    {
        Assert.Equal(expected, TicketNote.TimelineText(action, text));
    }
}

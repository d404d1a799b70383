using AlertEngine.Host.Commands.Bench;

namespace AlertEngine.UnitTests.Host.Commands.Bench;

public sealed class StoredCheckTests
{
    [Fact]
    public void Check_InboxHoldsEvery2xx_Ok()
    {
        var check = new StoredCheck(Answered2xx: 1000, NoAnswer: 0, Stored: 1000);

        Assert.True(check.Ok);
        Assert.EndsWith(": OK", check.Line, StringComparison.Ordinal);
        Assert.True(check.Summary.Passed);
    }

    [Fact]
    public void Check_Fewer_RowsThan2xx_LostAndFails()
    {
        var check = new StoredCheck(Answered2xx: 1000, NoAnswer: 5, Stored: 997);

        Assert.False(check.Ok);
        Assert.Equal(3, check.Lost);
        Assert.Contains("3 events LOST", check.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExtraRowsWithinTheUnansweredRequests_OkAndExplained()
    {
        // A request that timed out on the client may still have been committed.
        var check = new StoredCheck(Answered2xx: 1000, NoAnswer: 5, Stored: 1003);

        Assert.True(check.Ok);
        Assert.Contains("among the 5 requests that got no answer", check.Line, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExtraRowsBeyondTheUnansweredRequests_Mismatch()
    {
        var check = new StoredCheck(Answered2xx: 1000, NoAnswer: 0, Stored: 1003);

        Assert.False(check.Ok);
        Assert.Equal(3, check.Unexplained);
        Assert.Contains("MISMATCH", check.Line, StringComparison.Ordinal);
    }
}

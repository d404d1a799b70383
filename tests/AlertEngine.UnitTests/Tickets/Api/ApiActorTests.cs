using AlertEngine.Tickets.Api;

namespace AlertEngine.UnitTests.Tickets.Api;

/// <summary>The actor on the timeline: the token's name, or the person it acts for with the token in parentheses.</summary>
public sealed class ApiActorTests
{
    [Theory]
    [InlineData("desk", null, "desk")]
    [InlineData("desk", "", "desk")]
    [InlineData("desk", "  ", "desk")]
    [InlineData("night-tool", "alice", "alice (night-tool)")]
    [InlineData("night-tool", " Li Wei ", "Li Wei (night-tool)")]
    public void Format_TokenAndBy_ActorText(string token, string? by, string expected)
    {
        Assert.Equal(expected, ApiActor.Format(token, by));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("alice", false)]
    [InlineData("alice\nbob", true)]
    [InlineData("alice (desk)", true)]
    public void Check_By_RefusesWhatWouldBlurTheActor(string? by, bool refused)
    {
        Assert.Equal(refused, ApiActor.Check(by) is not null);
    }

    [Fact]
    public void Check_ByTooLong_SaysTheLimit()
    {
        Assert.Contains("64", ApiActor.Check(new string('a', 65)), StringComparison.Ordinal);
    }
}

using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Tickets;

public sealed class ProjectNumberTests
{
    // rule, customer, project, phase, number
    public static TheoryData<string, string, long, int, string> Numbers => new()
    {
        { "first project of nc", "nc", 1, 1, "NC00001.1" },
        { "the design's example", "nc", 12, 1, "NC00012.1" },
        { "customer code upper-cased", "Acme", 3, 1, "ACME00003.1" },
        { "digits in the code stay", "c42", 99_999, 1, "C4299999.1" },
        { "past five digits it grows", "nc", 100_000, 1, "NC100000.1" },
        { "a later phase", "nc", 12, 2, "NC00012.2" },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Format_CustomerProjectPhase_CustomerCodeForm(string rule, string customer, long project, int phase, string number)
    {
        Assert.True(ProjectNumber.Format(customer, project, phase) == number, rule);
    }

    [Fact]
    public void Format_DefaultPhase_IsOne()
    {
        Assert.Equal("NC00007.1", ProjectNumber.Format("nc", 7));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Format_ZeroProjectOrPhase_Throws(long project, int phase)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProjectNumber.Format("nc", project, phase));
    }
}

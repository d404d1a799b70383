using AlertEngine.Ingest;

namespace AlertEngine.UnitTests.Ingest;

public sealed class EventKindNamesTests
{
    public static TheoryData<EventKind, string> Names => new()
    {
        { EventKind.Problem, "problem" },
        { EventKind.Update, "update" },
        { EventKind.Recovery, "recovery" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void ToName_EachKind_IsLowerCaseDatabaseSpelling(EventKind kind, string expected)
    {
        Assert.Equal(expected, kind.ToName());
    }

    [Fact]
    public void ToName_UndefinedKind_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((EventKind)42).ToName());
    }
}

namespace AlertEngine.UnitTests.Ingest;

public sealed class ZabbixEventTests
{
    [Fact]
    public void TagValue_TagNameInAnyCase_ReturnsItsValue()
    {
        var e = ZabbixEvents.Problem(tags: [new("service", "web"), new("Customer", "acme")]);

        Assert.Equal("acme", e.TagValue("customer"));
        Assert.Equal("web", e.TagValue("SERVICE"));
    }

    [Fact]
    public void TagValue_TagTwice_ReturnsTheFirst()
    {
        var e = ZabbixEvents.Problem(tags: [new("customer", "acme"), new("customer", "nc")]);

        Assert.Equal("acme", e.TagValue("customer"));
    }

    [Fact]
    public void TagValue_NoSuchTag_ReturnsNull()
    {
        var e = ZabbixEvents.Problem(tags: [new("service", "web")]);

        Assert.Null(e.TagValue("customer"));
    }
}

using AlertEngine.Classify;

namespace AlertEngine.UnitTests.Classify;

public sealed class DefaultClassifierCaseTests
{
    [Theory]
    [InlineData("SRV-NC-WEB1")]
    [InlineData("Srv-nc-web1")]
    public void CustomerFromHostName_SrvPrefixInUpperCase_ReadsCustomer(string host)
    {
        Assert.Equal("nc", DefaultClassifier.CustomerFromHostName(host));
    }
}

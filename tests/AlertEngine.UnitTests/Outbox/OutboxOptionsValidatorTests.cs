using AlertEngine.Outbox;

namespace AlertEngine.UnitTests.Outbox;

/// <summary>The outbox options' cross-field rule: the longest wait is at least the first one.</summary>
public sealed class OutboxOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new OutboxOptionsValidator().Validate(null, new OutboxOptions()).Succeeded);
    }

    [Fact]
    public void Validate_MaxBackoffBelowRetryBackoff_FailsNamingBothKeys()
    {
        var result = new OutboxOptionsValidator().Validate(null, new OutboxOptions { RetryBackoff = TimeSpan.FromMinutes(2), MaxBackoff = TimeSpan.FromMinutes(1) });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Outbox:MaxBackoff", failure, StringComparison.Ordinal);
        Assert.Contains("Outbox:RetryBackoff", failure, StringComparison.Ordinal);
    }
}

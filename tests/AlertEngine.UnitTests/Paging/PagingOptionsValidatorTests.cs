using AlertEngine.Paging;

namespace AlertEngine.UnitTests.Paging;

/// <summary>The paging options' cross-field rules: the link key's length, the public base URL's shape.</summary>
public sealed class PagingOptionsValidatorTests
{
    // rule, LinkSecret, PublicBaseUrl
    public static TheoryData<string, string?, string> Accepted => new()
    {
        { "defaults", null, "http://127.0.0.1:5080" },
        { "empty secret: random key per start", "", "http://127.0.0.1:5080" },
        { "32-character secret", new string('k', 32), "https://alerts.example.com" },
        { "https with a path and a trailing slash", null, "https://ops.example.com/alertengine/" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Validate_GoodOptions_Succeeds(string rule, string? secret, string url)
    {
        var result = new PagingOptionsValidator().Validate(null, new PagingOptions { LinkSecret = secret, PublicBaseUrl = url });

        Assert.True(result.Succeeded, $"{rule}: {result.FailureMessage}");
    }

    // rule, LinkSecret, PublicBaseUrl, key named
    public static TheoryData<string, string?, string, string> Rejected => new()
    {
        { "31-character secret", new string('k', 31), "https://alerts.example.com", "Paging:LinkSecret" },
        { "placeholder secret", "CHANGE-ME-to-a-long-random-link-secret", "https://alerts.example.com", "Paging:LinkSecret" },
        { "ftp URL", null, "ftp://alerts.example.com", "Paging:PublicBaseUrl" },
        { "URL with a query", null, "https://alerts.example.com/?x=1", "Paging:PublicBaseUrl" },
        { "URL with a fragment", null, "https://alerts.example.com/#top", "Paging:PublicBaseUrl" },
        { "URL that does not parse", null, "http://exa mple.com:99999", "Paging:PublicBaseUrl" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Validate_BadOption_FailsOnceNamingTheKey(string rule, string? secret, string url, string key)
    {
        var result = new PagingOptionsValidator().Validate(null, new PagingOptions { LinkSecret = secret, PublicBaseUrl = url });

        var failure = Assert.Single(result.Failures ?? []);
        Assert.True(failure.Contains(key, StringComparison.Ordinal), $"{rule}: {failure}");
    }

    [Fact]
    public void Validate_ShortSecretAndQuery_ReportsBoth()
    {
        var result = new PagingOptionsValidator().Validate(null, new PagingOptions { LinkSecret = "short", PublicBaseUrl = "https://alerts.example.com/?x=1" });

        Assert.Equal(2, result.Failures?.Count());
    }

    [Fact]
    public void Validate_ShortSecret_DoesNotRepeatTheSecret()
    {
        var result = new PagingOptionsValidator().Validate(null, new PagingOptions { LinkSecret = "hunter2-secret" });

        Assert.DoesNotContain("hunter2", result.FailureMessage, StringComparison.Ordinal);
    }
}

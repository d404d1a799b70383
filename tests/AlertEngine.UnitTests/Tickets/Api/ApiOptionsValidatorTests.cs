using AlertEngine.Tickets.Api;

namespace AlertEngine.UnitTests.Tickets.Api;

/// <summary>API tokens are checked at start; every failure names its key and never shows the secret.</summary>
public sealed class ApiOptionsValidatorTests
{
    private const string Good = "a-good-api-token-of-36-characters-xx";
    private const string Other = "another-api-token-of-36-characters-x";

    // rule, tokens, key named
    public static TheoryData<string, Dictionary<string, string>, string> Bad => new()
    {
        { "secret shorter than 32", new() { ["desk"] = "short-secret" }, "Api:Tokens:desk" },
        { "31 characters", new() { ["desk"] = new string('s', 31) }, "Api:Tokens:desk" },
        { "empty secret", new() { ["desk"] = "" }, "Api:Tokens:desk" },
        { "the example placeholder", new() { ["desk"] = "CHANGE-ME-set-AlertEngine__Api__Tokens__desk-now" }, "Api:Tokens:desk" },
        { "a name with a space", new() { ["night desk"] = Good }, "Api:Tokens:night desk" },
        { "two names for one secret", new() { ["desk"] = Good, ["tool"] = Good }, "Api:Tokens:tool" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Validate_BadToken_FailsNamingTheKeyNotTheSecret(string rule, Dictionary<string, string> tokens, string key)
    {
        var result = new ApiOptionsValidator().Validate(null, Options(tokens));

        Assert.True(result.Failed, rule);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains(key, failure, StringComparison.Ordinal);
        foreach (var secret in tokens.Values.Where(v => v.Length > 0))
        {
            Assert.DoesNotContain(secret, failure, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        var result = new ApiOptionsValidator().Validate(null, Options(new() { ["a"] = "short", ["b c"] = Good, ["d"] = "" }));

        Assert.Equal(3, result.Failures!.Count());
    }

    [Fact]
    public void Validate_SeveralGoodTokens_Succeeds()
    {
        Assert.True(new ApiOptionsValidator().Validate(null, Options(new() { ["desk"] = Good, ["night-tool"] = Other, ["e2e_1"] = new string('x', 32) })).Succeeded);
    }

    // rule, full tokens, read-only tokens, key named
    public static TheoryData<string, Dictionary<string, string>, Dictionary<string, string>, string> BadReadOnly => new()
    {
        { "short read-only secret", new() { ["desk"] = Good }, new() { ["wall"] = "short" }, "Api:ReadOnlyTokens:wall" },
        { "the same name as a full token", new() { ["desk"] = Good }, new() { ["desk"] = Other }, "Api:ReadOnlyTokens:desk" },
        { "the same secret as a full token", new() { ["desk"] = Good }, new() { ["wall"] = Good }, "Api:ReadOnlyTokens:wall" },
    };

    [Theory]
    [MemberData(nameof(BadReadOnly))]
    public void Validate_BadReadOnlyToken_FailsNamingItsKey(string rule, Dictionary<string, string> tokens, Dictionary<string, string> readOnly, string key)
    {
        var options = Options(tokens);
        foreach (var (name, secret) in readOnly)
        {
            options.ReadOnlyTokens[name] = secret;
        }

        var result = new ApiOptionsValidator().Validate(null, options);

        Assert.True(result.Failed, rule);
        Assert.Contains(result.Failures!, f => f.StartsWith(key + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoTokens_Succeeds()
    {
        // The engine starts on its embedded defaults; the ticket API then answers 401 with a hint.
        Assert.True(new ApiOptionsValidator().Validate(null, new ApiOptions()).Succeeded);
    }

    [Fact]
    public void Options_TokenNames_AreCaseInsensitive()
    {
        var options = new ApiOptions();
        options.Tokens["Desk"] = Good;

        Assert.True(options.Tokens.ContainsKey("desk"));
    }

    private static ApiOptions Options(Dictionary<string, string> tokens)
    {
        var options = new ApiOptions();
        foreach (var (name, secret) in tokens)
        {
            options.Tokens[name] = secret;
        }

        return options;
    }
}

using AlertEngine.Tickets.Api;
using Microsoft.Extensions.Options;

namespace AlertEngine.UnitTests.Tickets.Api;

/// <summary>Which token a ticket API call carries, if any.</summary>
public sealed class ApiTokenAuthenticatorTests
{
    private const string DeskSecret = "desk-secret-0123456789-abcdefghijklm";
    private const string ToolSecret = "tool-secret-0123456789-nopqrstuvwxyz";

    // rule, Authorization header values, expected access
    public static TheoryData<string, string?[], ApiAccess> Refused => new()
    {
        { "no header", [], ApiAccess.Missing },
        { "empty header", [""], ApiAccess.Missing },
        { "another scheme", [$"Basic {DeskSecret}"], ApiAccess.Missing },
        { "scheme without token", ["Bearer "], ApiAccess.Missing },
        { "the secret without scheme", [DeskSecret], ApiAccess.Missing },
        { "two headers", [$"Bearer {DeskSecret}", $"Bearer {ToolSecret}"], ApiAccess.Missing },
        { "wrong token", ["Bearer not-a-configured-token-at-all-0000"], ApiAccess.Invalid },
        { "secret in other case", [$"Bearer {DeskSecret.ToUpperInvariant()}"], ApiAccess.Invalid },
        { "secret without its last character", [$"Bearer {DeskSecret[..^1]}"], ApiAccess.Invalid },
        { "two secrets glued", [$"Bearer {DeskSecret}{ToolSecret}"], ApiAccess.Invalid },
        { "the token's name instead of its secret", ["Bearer desk"], ApiAccess.Invalid },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Check_BadHeader_Refused(string rule, string?[] header, ApiAccess expected)
    {
        var access = CreateSut().Check(header, out var name);

        Assert.True(access == expected, $"{rule}: {access}");
        Assert.Equal("", name);
    }

    [Theory]
    [InlineData("Bearer " + DeskSecret, "desk")]
    [InlineData("bearer " + DeskSecret, "desk")]
    [InlineData("Bearer " + ToolSecret + " ", "night-tool")]
    public void Check_ConfiguredSecret_AllowedWithItsName(string header, string expected)
    {
        var access = CreateSut().Check([header], out var name);

        Assert.Equal(ApiAccess.Allowed, access);
        Assert.Equal(expected, name);
    }

    [Fact]
    public void Check_NoTokensConfigured_NotConfiguredWhateverIsSent()
    {
        var sut = new ApiTokenAuthenticator(Options.Create(new ApiOptions()));

        Assert.Equal(ApiAccess.NotConfigured, sut.Check([$"Bearer {DeskSecret}"], out _));
        Assert.Empty(sut.Names);
    }

    [Fact]
    public void Names_ListsTokenNamesNeverSecrets()
    {
        var names = CreateSut().Names;

        Assert.Equal(["desk", "night-tool"], names);
    }

    private static ApiTokenAuthenticator CreateSut()
    {
        var options = new ApiOptions();
        options.Tokens["night-tool"] = ToolSecret;
        options.Tokens["desk"] = DeskSecret;
        return new ApiTokenAuthenticator(Options.Create(options));
    }
}

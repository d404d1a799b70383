using AlertEngine.Tickets.Api;
using Microsoft.Extensions.Options;

namespace AlertEngine.UnitTests.Tickets.Api;

/// <summary>Which token a ticket API call carries, if any.</summary>
public sealed class ApiTokenAuthenticatorTests
{
    private const string DeskSecret = "desk-secret-0123456789-abcdefghijklm";
    private const string ToolSecret = "tool-secret-0123456789-nopqrstuvwxyz";
    private const string WallSecret = "wall-secret-0123456789-read-only-abc";

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

        Assert.Equal(["desk", "night-tool", "wall (read-only)"], names);
    }

    [Fact]
    public void Check_ReadOnlyToken_AllowedAndKnownAsReadOnly()
    {
        var sut = CreateSut();

        Assert.Equal(ApiAccess.Allowed, sut.Check([$"Bearer {WallSecret}"], out var name));
        Assert.Equal("wall", name);
        Assert.True(sut.IsReadOnly("wall"));
        Assert.False(sut.IsReadOnly("desk"));
    }

    [Fact]
    public void CheckSession_TheCookieOfAToken_AllowedWithItsNameAndHoldsNoSecret()
    {
        var sut = CreateSut();
        var cookie = sut.SessionFor("wall")!;

        Assert.Equal(ApiAccess.Allowed, sut.CheckSession(cookie, out var name));
        Assert.Equal("wall", name);
        Assert.StartsWith("wall.", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain(WallSecret, cookie, StringComparison.Ordinal);
    }

    // rule, how the cookie is made from the desk token's cookie
    public static TheoryData<string, Func<string, string>, ApiAccess> BadSessions => new()
    {
        { "no cookie", _ => "", ApiAccess.Missing },
        { "no dot", c => c.Replace(".", "", StringComparison.Ordinal), ApiAccess.Missing },
        { "another token's name", c => "night-tool" + c[c.IndexOf('.', StringComparison.Ordinal)..], ApiAccess.Invalid },
        { "an unknown name", c => "nobody" + c[c.IndexOf('.', StringComparison.Ordinal)..], ApiAccess.Invalid },
        { "a changed signature", c => c[..^1] + (c[^1] == 'A' ? 'B' : 'A'), ApiAccess.Invalid },
    };

    [Theory]
    [MemberData(nameof(BadSessions))]
    public void CheckSession_BadCookie_Refused(string rule, Func<string, string> make, ApiAccess expected)
    {
        var sut = CreateSut();

        var access = sut.CheckSession(make(sut.SessionFor("desk")!), out var name);

        Assert.True(access == expected, $"{rule}: {access}");
        Assert.Equal("", name);
    }

    [Fact]
    public void SessionFor_SecretChanged_OldCookieRefused()
    {
        var cookie = CreateSut().SessionFor("desk")!;
        var options = new ApiOptions();
        options.Tokens["desk"] = DeskSecret + "-rotated";

        Assert.Equal(ApiAccess.Invalid, new ApiTokenAuthenticator(Options.Create(options)).CheckSession(cookie, out _));
    }

    private static ApiTokenAuthenticator CreateSut()
    {
        var options = new ApiOptions();
        options.Tokens["night-tool"] = ToolSecret;
        options.Tokens["desk"] = DeskSecret;
        options.ReadOnlyTokens["wall"] = WallSecret;
        return new ApiTokenAuthenticator(Options.Create(options));
    }
}

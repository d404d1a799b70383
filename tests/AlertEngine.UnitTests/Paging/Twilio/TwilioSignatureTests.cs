using AlertEngine.Paging.Twilio;
using Microsoft.Extensions.Options;

namespace AlertEngine.UnitTests.Paging.Twilio;

/// <summary>The callback signature check against reference C7's test vector.</summary>
public sealed class TwilioSignatureTests
{
    private const string Token = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string Expected = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private static readonly KeyValuePair<string, string>[] Params =
    [
        new("To", "+18005551212"),
        new("CallSid", "CA1234567890ABCDE"),
        new("Digits", "1234"),
        new("Caller", "+14158675309"),
        new("From", "+14158675309"),
    ];

    [Fact]
    public void Compute_ReferenceVector_MatchesTwilio()
    {
        Assert.Equal(Expected, TwilioSignature.Compute(Token, Url, Params));
    }

    [Fact]
    public void IsValid_ReferenceVector_True()
    {
        Assert.True(CreateSut().IsValid(Url, Params, Expected));
    }

    [Fact]
    public void IsValid_TamperedParameter_False()
    {
        var tampered = Params.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "1") : p).ToArray();

        Assert.False(CreateSut().IsValid(Url, tampered, Expected));
    }

    [Fact]
    public void IsValid_OtherUrl_False()
    {
        Assert.False(CreateSut().IsValid("https://mycompany.com/myapp.php?foo=1&bar=3", Params, Expected));
    }

    [Fact]
    public void IsValid_SignedWithoutPortCalledWith443_True()
    {
        Assert.True(CreateSut().IsValid("https://mycompany.com:443/myapp.php?foo=1&bar=2", Params, Expected));
    }

    [Fact]
    public void IsValid_SignedWith443CalledWithout_True()
    {
        var signedWithPort = TwilioSignature.Compute(Token, "https://mycompany.com:443/myapp.php?foo=1&bar=2", Params);

        Assert.True(CreateSut().IsValid(Url, Params, signedWithPort));
    }

    [Fact]
    public void IsValid_HttpSignedWith80CalledWithout_True()
    {
        var signedWithPort = TwilioSignature.Compute(Token, "http://mycompany.com:80/myapp.php", Params);

        Assert.True(CreateSut().IsValid("http://mycompany.com/myapp.php", Params, signedWithPort));
    }

    [Fact]
    public void IsValid_OtherPort_NotTreatedAsDefault()
    {
        var signedOn8443 = TwilioSignature.Compute(Token, "https://mycompany.com:8443/myapp.php", Params);

        Assert.False(CreateSut().IsValid("https://mycompany.com/myapp.php", Params, signedOn8443));
    }

    [Fact]
    public void IsValid_MissingHeader_False()
    {
        Assert.False(CreateSut().IsValid(Url, Params, null));
        Assert.False(CreateSut().IsValid(Url, Params, string.Empty));
    }

    [Fact]
    public void IsValid_TwilioNotConfigured_False()
    {
        var sut = new TwilioSignature(Options.Create(new TwilioOptions()));

        Assert.False(sut.IsValid(Url, Params, Expected));
    }

    [Fact]
    public void IsValid_WrongToken_False()
    {
        Assert.False(CreateSut(token: "54321").IsValid(Url, Params, Expected));
    }

    [Fact]
    public void IsValid_SameAsTwilioLibraryValidator()
    {
        var library = new global::Twilio.Security.RequestValidator(Token);

        Assert.True(library.Validate(Url, Params.ToDictionary(p => p.Key, p => p.Value), Expected));
    }

    private static TwilioSignature CreateSut(string token = Token) =>
        new(Options.Create(new TwilioOptions { AccountSid = "AC" + new string('0', 32), AuthToken = token }));
}

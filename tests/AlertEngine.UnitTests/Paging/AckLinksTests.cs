using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AlertEngine.Paging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertEngine.UnitTests.Paging;

/// <summary>Signed one-tap acknowledge links: round trip, tampering, expiry, garbage, length, the key.</summary>
public sealed class AckLinksTests
{
    private const string Secret = "a-test-link-secret-of-32-chars-at-least";
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Create_ThenVerify_GivesTicketPageAndExpiry()
    {
        var (links, _, _) = CreateSut();

        var link = links.Create("1234", 42);
        var check = links.Verify(link.AbsolutePath["/a/".Length..]);

        Assert.StartsWith("https://alerts.example.com/a/", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(new AckLinkCheck(true, "1234", 42, Start + TimeSpan.FromDays(1), "valid"), check);
    }

    [Fact]
    public void Create_BaseUrlWithPathAndSlash_AppendsTheLinkPath()
    {
        var (links, _, _) = CreateSut(o => o.PublicBaseUrl = "https://ops.example.com/alertengine/");

        Assert.StartsWith("https://ops.example.com/alertengine/a/", links.Create("1234", 1).AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RealisticPage_TokenLeavesRoomInAnSms()
    {
        var (links, _, _) = CreateSut(o => o.LinkLifetime = TimeSpan.FromDays(7));

        var token = links.CreateToken("99999", 123_456_789_012);

        Assert.True(token.Length <= 40, $"{token.Length}: {token}");
        Assert.True(PageText.IsGsm7(token));
    }

    [Fact]
    public void Create_TwoPagesOfOneTicket_GiveDifferentLinks()
    {
        var (links, _, _) = CreateSut();

        Assert.NotEqual(links.Create("1234", 1), links.Create("1234", 2));
    }

    [Fact]
    public void Verify_AnyCharacterFlipped_Tampered()
    {
        var (links, _, _) = CreateSut();
        var token = links.CreateToken("1234", 42);

        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '.')
            {
                continue;
            }

            foreach (var other in new[] { token[i] == 'A' ? 'B' : 'A', token[i] == '_' ? '-' : '_', (char)(token[i] ^ 1) })
            {
                if (Base64UrlAlphabet.Contains(other, StringComparison.Ordinal) && other != token[i])
                {
                    var flipped = token[..i] + other + token[(i + 1)..];
                    var check = links.Verify(flipped);
                    Assert.True(check is { Valid: false, Reason: "tampered", TicketNumber: null }, $"position {i} '{token[i]}'→'{other}': {check}");
                }
            }
        }
    }

    [Fact]
    public void Verify_DotReplaced_Malformed()
    {
        var (links, _, _) = CreateSut();
        var token = links.CreateToken("1234", 42);

        Assert.Equal("malformed", links.Verify(token.Replace('.', 'A')).Reason);
    }

    [Fact]
    public void Verify_OtherKey_Tampered()
    {
        var (mine, _, _) = CreateSut();
        var (theirs, _, _) = CreateSut(o => o.LinkSecret = new string('x', 32));

        Assert.Equal("tampered", theirs.Verify(mine.CreateToken("1234", 42)).Reason);
    }

    [Fact]
    public void Verify_JustBeforeLifetimeEnds_Valid()
    {
        var (links, time, _) = CreateSut();
        var token = links.CreateToken("1234", 42);

        time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));

        Assert.True(links.Verify(token).Valid);
    }

    [Fact]
    public void Verify_AfterLifetime_ExpiredNamingWhenButKeepingTheTicket()
    {
        var (links, time, _) = CreateSut();
        var token = links.CreateToken("1234", 42);

        time.Advance(TimeSpan.FromDays(1));
        var check = links.Verify(token);

        Assert.False(check.Valid);
        Assert.Equal("expired at 2026-03-03T01:30Z", check.Reason);
        Assert.Equal("1234", check.TicketNumber);
    }

    [Fact]
    public void Create_MidMinute_ExpiryRoundedUpToTheMinute()
    {
        var (links, time, _) = CreateSut();
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(Start + TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1), links.Verify(links.CreateToken("1234", 42)).ExpiresAt);
    }

    // rule, token
    public static TheoryData<string, string?> Garbage => new()
    {
        { "null", null },
        { "empty", "" },
        { "spaces", "   " },
        { "no dot", "AQIDBAUGBwgJ" },
        { "only a dot", "." },
        { "nothing after the dot", "AQID." },
        { "nothing before the dot", ".AQID" },
        { "extra dots", "AQ.ID.BAUG" },
        { "not base64", "!!!!.????" },
        { "standard base64 characters", "AQ+/.ID==" },
        { "a space inside", "AQ ID.BAUGBwgJCgsMDQ4" },
        { "non-ASCII", "ÄÖÜ.中文" },
        { "a NUL", "AQID\0.BAUG" },
        { "huge", new string('A', 100_000) + "." + new string('B', 100_000) },
        { "right shape, wrong signature", "AQIDBAUGBwgJ.AAAAAAAAAAAAAA" },
        { "signature of the wrong length", "AQIDBAUGBwgJ.AAAA" },
        { "a whole URL", "https://alerts.example.com/a/AQID.BAUG" },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Verify_Garbage_InvalidWithoutThrowing(string rule, string? token)
    {
        var (links, _, _) = CreateSut();

        var check = links.Verify(token);

        Assert.True(check is { Valid: false, Reason: "malformed" or "tampered", TicketNumber: null, PageId: null }, $"{rule}: {check}");
    }

    // rule, payload bytes signed with the right key
    public static TheoryData<string, byte[]> SignedNonsense => new()
    {
        { "unknown format version", [2, 42, 1, (byte)'1'] },
        { "no page id", [1] },
        { "varint that never ends", [1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] },
        { "no ticket", [1, 42, 1] },
        { "ticket with a space", [1, 42, 1, (byte)'1', (byte)' ', (byte)'2'] },
        { "expiry past year 9999", [1, 42, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, (byte)'1'] },
    };

    [Theory]
    [MemberData(nameof(SignedNonsense))]
    public void Verify_SignedButNonsensePayload_Malformed(string rule, byte[] payload)
    {
        var (links, _, _) = CreateSut();
        var payloadText = Base64Url.EncodeToString(payload);
        var mac = Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes(payloadText)).AsSpan(0, 10));

        var check = links.Verify(payloadText + "." + mac);

        Assert.True(check is { Valid: false, Reason: "malformed" }, $"{rule}: {check}");
    }

    [Fact]
    public void Create_NoLinkSecret_RoundTripsAndWarnsOnceNamingTheKey()
    {
        var (links, _, log) = CreateSut(o => o.LinkSecret = "");
        var (other, _, _) = CreateSut(o => o.LinkSecret = null);

        var token = links.CreateToken("1234", 42);

        Assert.True(links.Verify(token).Valid);
        Assert.True(other.Verify(token).Valid, "one random key per process");
        var warning = Assert.Single(log.Warnings);
        Assert.Contains("Paging:LinkSecret", warning, StringComparison.Ordinal);
        Assert.Contains("restart", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_LinkSecretSet_NothingLogged()
    {
        var (_, _, log) = CreateSut();

        Assert.Empty(log.Warnings);
    }

    // rule, ticket number
    public static TheoryData<string, string> BadTickets => new()
    {
        { "empty", "" },
        { "space inside", "12 34" },
        { "over 20 characters", new string('1', 21) },
        { "non-ASCII digits", "１２３４" },
    };

    [Theory]
    [MemberData(nameof(BadTickets))]
    public void Create_BadTicketNumber_Throws(string rule, string ticket)
    {
        var (links, _, _) = CreateSut();

        Assert.True(Record.Exception(() => links.Create(ticket, 1)) is ArgumentException, rule);
    }

    [Fact]
    public void Create_NegativePageId_Throws()
    {
        var (links, _, _) = CreateSut();

        Assert.Throws<ArgumentOutOfRangeException>(() => links.Create("1234", -1));
    }

    private static (AckLinks Links, FakeTimeProvider Time, ListLogger<AckLinks> Log) CreateSut(Action<PagingOptions>? configure = null)
    {
        var options = new PagingOptions { PublicBaseUrl = "https://alerts.example.com", LinkSecret = Secret };
        configure?.Invoke(options);
        var time = new FakeTimeProvider(Start);
        var log = new ListLogger<AckLinks>();
        return (new AckLinks(Options.Create(options), time, log), time, log);
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}

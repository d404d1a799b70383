using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertEngine.Paging;

/// <summary>
/// Signed one-tap acknowledge links for SMS: <c>{Paging:PublicBaseUrl}/a/{token}</c>. The token is
/// short enough to leave an SMS room for the page (33 characters for a typical page): a base64url
/// payload (format version, page id, expiry in Unix minutes, ticket number) and, after a dot, the
/// first 10 bytes (80 bits) of its HMAC-SHA256 under <see cref="PagingOptions.LinkSecret"/>.
/// </summary>
public sealed class AckLinks
{
    /// <summary>The longest token <see cref="Verify"/> looks at; anything longer is malformed.</summary>
    public const int MaxTokenLength = 128;

    /// <summary>The longest ticket number a link carries.</summary>
    public const int MaxTicketLength = 20;

    private const byte FormatVersion = 1;
    private const int MacBytes = 10;

    // Used when Paging:LinkSecret is empty: random per process, so links die with it.
    private static readonly byte[] ProcessKey = RandomNumberGenerator.GetBytes(32);

    private readonly byte[] _key;
    private readonly string _baseUrl;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public AckLinks(IOptions<PagingOptions> options, TimeProvider time, ILogger<AckLinks> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var paging = options.Value;
        _time = time;
        _lifetime = paging.LinkLifetime;
        _baseUrl = paging.PublicBaseUrl.TrimEnd('/');
        if (string.IsNullOrEmpty(paging.LinkSecret))
        {
            _key = ProcessKey;
            logger.LogWarning(
                "Paging:LinkSecret is not set: one-tap acknowledge links are signed with a random key made at start and stop working after a restart; set Paging:LinkSecret (at least {MinimumLength} characters) to keep them valid",
                PagingOptionsValidator.MinimumLinkSecretLength);
        }
        else
        {
            _key = Encoding.UTF8.GetBytes(paging.LinkSecret);
        }
    }

    /// <summary>
    /// The link that acknowledges ticket <paramref name="ticketNumber"/> from page
    /// <paramref name="pageId"/> until now + <see cref="PagingOptions.LinkLifetime"/> (rounded up to
    /// the minute).
    /// </summary>
    public Uri Create(string ticketNumber, long pageId) => new($"{_baseUrl}/a/{CreateToken(ticketNumber, pageId)}");

    /// <summary>The token part of <see cref="Create"/>'s link.</summary>
    public string CreateToken(string ticketNumber, long pageId)
    {
        ArgumentNullException.ThrowIfNull(ticketNumber);
        if (!IsTicketNumber(ticketNumber))
        {
            throw new ArgumentException($"A link's ticket number is 1 to {MaxTicketLength} letters, digits, '.' or '-'", nameof(ticketNumber));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(pageId);
        var expires = (_time.GetUtcNow() + _lifetime).ToUnixTimeSeconds();
        var expiresMinutes = (expires + 59) / 60;

        var payload = new List<byte>(32) { FormatVersion };
        WriteVarint(payload, (ulong)pageId);
        WriteVarint(payload, (ulong)expiresMinutes);
        payload.AddRange(Encoding.ASCII.GetBytes(ticketNumber));
        var payloadText = Base64Url.EncodeToString(payload.ToArray());
        return payloadText + "." + Mac(payloadText);
    }

    /// <summary>
    /// Checks a token from a tapped link: its shape, its signature (in constant time), then its
    /// expiry. Never throws: anything that is not a token this engine made is "malformed" or
    /// "tampered".
    /// </summary>
    public AckLinkCheck Verify(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return AckLinkCheck.Malformed;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot != token.LastIndexOf('.') || !IsBase64Url(token.AsSpan(0, dot)) || !IsBase64Url(token.AsSpan(dot + 1)))
        {
            return AckLinkCheck.Malformed;
        }

        var payloadText = token[..dot];
        var mac = Encoding.ASCII.GetBytes(token[(dot + 1)..]);
        if (!CryptographicOperations.FixedTimeEquals(mac, Encoding.ASCII.GetBytes(Mac(payloadText))))
        {
            return AckLinkCheck.Tampered;
        }

        if (!TryReadPayload(payloadText, out var ticketNumber, out var pageId, out var expiresAt))
        {
            return AckLinkCheck.Malformed;
        }

        return _time.GetUtcNow() >= expiresAt
            ? new AckLinkCheck(false, ticketNumber, pageId, expiresAt, "expired at " + expiresAt.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture))
            : new AckLinkCheck(true, ticketNumber, pageId, expiresAt, "valid");
    }

    private string Mac(string payloadText)
    {
        var hash = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(payloadText));
        return Base64Url.EncodeToString(hash.AsSpan(0, MacBytes));
    }

    private static bool TryReadPayload(string payloadText, out string ticketNumber, out long pageId, out DateTimeOffset expiresAt)
    {
        ticketNumber = "";
        pageId = 0;
        expiresAt = default;
        Span<byte> payload = stackalloc byte[MaxTokenLength];
        if (!Base64Url.TryDecodeFromChars(payloadText, payload, out var length) || length < 1 || payload[0] != FormatVersion)
        {
            return false;
        }

        var rest = payload[1..length];
        if (!TryReadVarint(ref rest, out var page) || !TryReadVarint(ref rest, out var minutes)
            || page > long.MaxValue || minutes > (ulong)(DateTimeOffset.MaxValue.ToUnixTimeSeconds() / 60))
        {
            return false;
        }

        ticketNumber = Encoding.ASCII.GetString(rest);
        pageId = (long)page;
        expiresAt = DateTimeOffset.FromUnixTimeSeconds((long)minutes * 60);
        return IsTicketNumber(ticketNumber);
    }

    private static void WriteVarint(List<byte> bytes, ulong value)
    {
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
    }

    private static bool TryReadVarint(ref Span<byte> bytes, out ulong value)
    {
        value = 0;
        for (var i = 0; i < bytes.Length && i < 10; i++)
        {
            value |= (ulong)(bytes[i] & 0x7F) << (7 * i);
            if ((bytes[i] & 0x80) == 0)
            {
                bytes = bytes[(i + 1)..];
                return true;
            }
        }

        return false;
    }

    private static bool IsBase64Url(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private static bool IsTicketNumber(string text) =>
        text.Length is > 0 and <= MaxTicketLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');
}

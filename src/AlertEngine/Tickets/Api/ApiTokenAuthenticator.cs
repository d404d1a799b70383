using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AlertEngine.Tickets.Api;

/// <summary>The outcome of checking a ticket API call's <c>Authorization</c> header.</summary>
public enum ApiAccess
{
    Allowed,

    /// <summary>No token is configured at all: every call is refused, with a hint how to set one.</summary>
    NotConfigured,

    /// <summary>No <c>Authorization: Bearer …</c> header (or more than one).</summary>
    Missing,

    /// <summary>A bearer token that matches no configured token.</summary>
    Invalid,
}

/// <summary>
/// Checks a ticket API call's bearer token against every configured token in constant time
/// (fixed-length SHA-256 digests compared with FixedTimeEquals, and always against all of them),
/// and says which token it was: its name is the actor on the timeline.
/// </summary>
public sealed class ApiTokenAuthenticator
{
    private const string Scheme = "Bearer ";

    /// <summary>What a status-page session cookie signs (with the token's digest as the HMAC key).</summary>
    private static readonly byte[] SessionPurpose = Encoding.UTF8.GetBytes("alertengine-status-page-session-v1");

    private readonly (string Name, byte[] Digest, bool ReadOnly)[] _tokens;

    public ApiTokenAuthenticator(IOptions<ApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tokens = [.. options.Value.Tokens.Select(t => (t.Key, t.Value, ReadOnly: false))
            .Concat(options.Value.ReadOnlyTokens.Select(t => (t.Key, t.Value, ReadOnly: true)))
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => (t.Key, SHA256.HashData(Encoding.UTF8.GetBytes(t.Value)), t.ReadOnly))];
    }

    /// <summary>The configured token names (never their secrets), for the start-up log; read-only ones marked so.</summary>
    public IReadOnlyList<string> Names => [.. _tokens.Select(t => t.ReadOnly ? $"{t.Name} (read-only)" : t.Name)];

    /// <summary>True when the named token is one of <c>Api:ReadOnlyTokens</c>: it may read, never write.</summary>
    public bool IsReadOnly(string tokenName) => _tokens.Any(t => t.ReadOnly && t.Name == tokenName);

    /// <summary>
    /// The value of the status page's session cookie for a token: its name and an HMAC of a fixed
    /// purpose keyed with the token's digest. It holds no secret, cannot be made without the token,
    /// and stops working when the token's secret changes. Null for an unknown name.
    /// </summary>
    public string? SessionFor(string tokenName)
    {
        var token = _tokens.FirstOrDefault(t => t.Name == tokenName);
        return token.Name is null ? null : token.Name + "." + Convert.ToBase64String(HMACSHA256.HashData(token.Digest, SessionPurpose)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Checks a status-page session cookie (<see cref="SessionFor"/>) in constant time; the token's name when allowed.</summary>
    public ApiAccess CheckSession(string? cookie, out string tokenName)
    {
        tokenName = "";
        if (_tokens.Length == 0)
        {
            return ApiAccess.NotConfigured;
        }

        var dot = cookie?.LastIndexOf('.') ?? -1;
        if (cookie is null || dot <= 0)
        {
            return ApiAccess.Missing;
        }

        var name = cookie[..dot];
        var expected = SessionFor(name);
        var presented = Encoding.UTF8.GetBytes(cookie);
        if (expected is null || !CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(expected)))
        {
            return ApiAccess.Invalid;
        }

        tokenName = name;
        return ApiAccess.Allowed;
    }

    /// <summary>
    /// Checks the values of the <c>Authorization</c> header; <paramref name="tokenName"/> is the
    /// matching token's configured name when allowed.
    /// </summary>
    public ApiAccess Check(IReadOnlyList<string?> authorization, out string tokenName)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        tokenName = "";
        if (_tokens.Length == 0)
        {
            return ApiAccess.NotConfigured;
        }

        if (authorization is not [{ } header] || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return ApiAccess.Missing;
        }

        var presented = header[Scheme.Length..].Trim();
        if (presented.Length == 0)
        {
            return ApiAccess.Missing;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? match = null;
        foreach (var (name, expected, _) in _tokens)
        {
            // No early exit: the time taken does not tell which token (or how many) exist.
            if (CryptographicOperations.FixedTimeEquals(digest, expected))
            {
                match = name;
            }
        }

        tokenName = match ?? "";
        return match is null ? ApiAccess.Invalid : ApiAccess.Allowed;
    }
}

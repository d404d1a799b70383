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

    private readonly (string Name, byte[] Digest)[] _tokens;

    public ApiTokenAuthenticator(IOptions<ApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tokens = [.. options.Value.Tokens
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => (t.Key, SHA256.HashData(Encoding.UTF8.GetBytes(t.Value))))];
    }

    /// <summary>The configured token names (never their secrets), for the start-up log.</summary>
    public IReadOnlyList<string> Names => [.. _tokens.Select(t => t.Name)];

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
        foreach (var (name, expected) in _tokens)
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

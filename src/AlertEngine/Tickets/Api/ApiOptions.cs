namespace AlertEngine.Tickets.Api;

/// <summary>Who may use the ticket API (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// API tokens by name (<c>Api:Tokens:{name}</c> = secret): every call to
    /// <c>/api/v1/tickets*</c> carries one as <c>Authorization: Bearer {secret}</c>, and its name
    /// goes on the ticket's timeline as the actor. Names are 1-64 letters, digits, '-', '_' or
    /// '.'; secrets at least 32 characters, each different. Empty by default: the ticket API then
    /// answers 401 to every call. Secrets: set them from the environment
    /// (<c>AlertEngine__Api__Tokens__{name}</c>), never in a committed file.
    /// </summary>
    public Dictionary<string, string> Tokens { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Read-only tokens by name (<c>Api:ReadOnlyTokens:{name}</c> = secret): they open the status page
    /// at <c>/</c>, <c>GET /api/v1/status</c> and the ticket API's reads, and get 403 on any write.
    /// For wall screens and shift leads' browsers. Same rules as <see cref="Tokens"/>; names and secrets
    /// must differ from theirs. Empty by default.
    /// </summary>
    public Dictionary<string, string> ReadOnlyTokens { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

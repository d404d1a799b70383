using AlertEngine.Tickets.Api;

namespace AlertEngine.Host.Endpoints;

/// <summary>
/// Guards every <c>/api/v1/tickets*</c> call: <c>Authorization: Bearer {secret}</c> must match a
/// token configured under <c>Api:Tokens:{name}</c>, or the call gets 401 problem details with
/// <c>WWW-Authenticate: Bearer</c> before anything else is read; a read-only token
/// (<c>Api:ReadOnlyTokens</c>) may only read (403 otherwise). The matching token's name is
/// kept for the handler (<see cref="TokenName"/>): it is the actor on the timeline.
/// </summary>
internal static class ApiTokenFilter
{
    private const string TokenNameItem = "AlertEngine.ApiTokenName";

    public static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var authenticator = http.RequestServices.GetRequiredService<ApiTokenAuthenticator>();
        var access = authenticator.Check(http.Request.Headers.Authorization, out var tokenName);
        if (access != ApiAccess.Allowed)
        {
            return new UnauthorizedResult(access);
        }

        if (authenticator.IsReadOnly(tokenName) && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            return Results.Problem(
                $"The token '{tokenName}' is read-only (Api:ReadOnlyTokens): it may read tickets and the status, not change them. Use a token from Api:Tokens.",
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        http.Items[TokenNameItem] = tokenName;
        return await next(context);
    }

    /// <summary>The name of the token the call was authenticated with.</summary>
    public static string TokenName(HttpContext http) =>
        http.Items[TokenNameItem] as string ?? throw new InvalidOperationException("the ticket API endpoint was mapped without ApiTokenFilter");

    private static string Detail(ApiAccess access) => access switch
    {
        ApiAccess.NotConfigured =>
            "No API token is configured, so the ticket API refuses every call. Configure one as Api:Tokens:<name> (a secret of at least 32 characters), "
            + "e.g. from the environment: AlertEngine__Api__Tokens__desk=$(openssl rand -hex 24), then send it as 'Authorization: Bearer <secret>'.",
        ApiAccess.Missing => "The ticket API needs an 'Authorization: Bearer <secret>' header with a token configured under Api:Tokens:<name>.",
        _ => "The bearer token does not match any token configured under Api:Tokens:<name>.",
    };

    /// <summary>401 problem details with the challenge (RFC 6750): which scheme, and whether the token was wrong.</summary>
    private sealed class UnauthorizedResult(ApiAccess access) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = access == ApiAccess.Invalid
                ? "Bearer realm=\"AlertEngine\", error=\"invalid_token\""
                : "Bearer realm=\"AlertEngine\"";
            return Results.Problem(Detail(access), statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(httpContext);
        }
    }
}

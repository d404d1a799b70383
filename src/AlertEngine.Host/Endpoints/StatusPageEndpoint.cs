using AlertEngine.Tickets.Api;
using Microsoft.Extensions.Options;

namespace AlertEngine.Host.Endpoints;

/// <summary>
/// The live status page at <c>/</c> and its data at <c>GET /api/v1/status</c>: open tickets with
/// their clocks, on duty now, held pages, the latest events. The page needs an API token, full or
/// read-only: as a bearer header, or a session cookie that <c>POST /sign-in</c> sets from the token
/// typed into the sign-in form (the cookie holds an HMAC keyed by the token, never the token).
/// </summary>
internal static class StatusPageEndpoint
{
    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "alertengine_status";

    /// <summary>How long a browser stays signed in.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(7);

    public static void MapStatusPage(this WebApplication app)
    {
        app.MapGet("/", Page);
        app.MapPost("/sign-in", SignInAsync);
        app.MapPost("/sign-out", SignOut);
        app.MapGet("/api/v1/status", Data).AddEndpointFilter(ApiTokenFilter.CheckAsync);
    }

    private static IResult Page(HttpContext http, ApiTokenAuthenticator tokens, StatusBoard board)
    {
        var access = tokens.Check(http.Request.Headers.Authorization, out _);
        if (access != ApiAccess.Allowed)
        {
            access = tokens.CheckSession(http.Request.Cookies[CookieName], out _);
        }

        NoStore(http);
        return access == ApiAccess.Allowed
            ? Results.Content(board.Html(), "text/html; charset=utf-8")
            : Refuse(http, access == ApiAccess.NotConfigured ? StatusSignInPage.NotConfigured : null);
    }

    /// <summary>
    /// 401: the sign-in form for a browser (it asks for text/html), problem details for anything
    /// else, both saying why when there is more to say than "sign in".
    /// </summary>
    private static IResult Refuse(HttpContext http, string? error)
    {
        if (http.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true))
        {
            return StatusSignInPage.Html(StatusCodes.Status401Unauthorized, error);
        }

        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"AlertEngine\"";
        return Results.Problem(
            error ?? "The status page needs a token from Api:Tokens or Api:ReadOnlyTokens: 'Authorization: Bearer <secret>', or sign in with it at POST /sign-in (form field token).",
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized");
    }

    private static IResult BadForm(string reason) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [reason] }, detail: reason, title: "Bad request");

    private static async Task<IResult> SignInAsync(HttpContext http, ApiTokenAuthenticator tokens)
    {
        NoStore(http);
        if (!http.Request.HasFormContentType)
        {
            return BadForm("POST /sign-in takes a form (application/x-www-form-urlencoded) with the field 'token'.");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException && !http.RequestAborted.IsCancellationRequested)
        {
            return BadForm($"The sign-in form cannot be read: {ex.Message}");
        }

        var name = "";
        var access = form["token"] is [{ } token] ? tokens.Check([$"Bearer {token}"], out name) : ApiAccess.Missing;
        if (access != ApiAccess.Allowed)
        {
            return Refuse(http, access == ApiAccess.NotConfigured ? StatusSignInPage.NotConfigured : StatusSignInPage.WrongToken);
        }

        http.Response.Cookies.Append(CookieName, tokens.SessionFor(name)!, Cookie(http, SessionLifetime));
        return Results.Redirect("/", permanent: false, preserveMethod: false);
    }

    private static IResult SignOut(HttpContext http)
    {
        http.Response.Cookies.Delete(CookieName, Cookie(http, TimeSpan.Zero));
        return Results.Redirect("/");
    }

    private static IResult Data(StatusBoard board) => Results.Json(StatusView.From(board.Read()));

    /// <summary>
    /// Not cached (it shows tickets and names), never framed, and nothing loaded from anywhere: the
    /// pages carry their own styles, charts and the countdown script inline.
    /// </summary>
    private static void NoStore(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }

    // Secure whenever the page is reached over https (directly, or as the public address behind a proxy says).
    private static CookieOptions Cookie(HttpContext http, TimeSpan lifetime)
    {
        var paging = http.RequestServices.GetRequiredService<IOptions<AlertEngine.Paging.PagingOptions>>().Value;
        return new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps || paging.PublicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase),
            Path = "/",
            MaxAge = lifetime,
            IsEssential = true,
        };
    }
}

using System.Net;

namespace AlertEngine.Host.Endpoints;

/// <summary>The status page's sign-in form: one field for an API token (full or read-only), posted to <c>/sign-in</c>.</summary>
internal static class StatusSignInPage
{
    public const string WrongToken = "That token does not match any token configured under Api:Tokens or Api:ReadOnlyTokens.";

    public const string NotConfigured = "No API token is configured, so the status page stays closed. Configure one as Api:ReadOnlyTokens:<name> "
        + "(a secret of at least 32 characters, e.g. from the environment: AlertEngine__Api__ReadOnlyTokens__wall=$(openssl rand -hex 24)) and restart.";

    public static IResult Html(int status, string? error)
    {
        var message = error is null ? "" : $"""<p class="error" role="alert">{WebUtility.HtmlEncode(error)}</p>""";
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in · AlertEngine status</title>
            <style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:32rem;padding:0 1rem;line-height:1.5}
            input,button{font-size:1rem;padding:.6rem;width:100%;box-sizing:border-box;margin:.25rem 0}
            button{border:0;border-radius:.5rem;background:#1f3a5f;color:#fff}.error{color:#b00020}</style>
            </head><body><h1>AlertEngine status</h1>{{message}}
            <form method="post" action="/sign-in"><label for="token">API token (Api:Tokens or Api:ReadOnlyTokens)</label>
            <input id="token" name="token" type="password" autocomplete="current-password" required="required"/>
            <button type="submit">Sign in</button></form></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}

using System.Net;

namespace AlertEngine.Host.Endpoints;

/// <summary>The small, self-contained HTML page a one-tap link opens: readable on a phone, one button at most.</summary>
internal static class AckLinkPage
{
    public static IResult Html(int status, string title, string text, string? button)
    {
        var form = button is null ? "" : $"""<form method="post"><button type="submit">{WebUtility.HtmlEncode(button)}</button></form>""";
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title)}} · AlertEngine</title>
            <style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:32rem;padding:0 1rem;line-height:1.5}
            button{font-size:1.25rem;padding:.75rem 1.5rem;border:0;border-radius:.5rem;background:#b00020;color:#fff;width:100%}</style>
            </head><body><h1>{{WebUtility.HtmlEncode(title)}}</h1><p>{{WebUtility.HtmlEncode(text)}}</p>{{form}}</body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}

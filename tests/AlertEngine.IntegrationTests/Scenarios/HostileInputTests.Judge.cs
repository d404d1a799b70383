using System.Text.Json;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>How every answer is judged: the status the contract allows, problem details on a refusal, a reply on a 2xx.</summary>
public sealed partial class HostileInputTests
{
    private Task JudgeAsync(HttpRequestMessage request, Expected expected) => JudgeAsync(request, expected.Statuses, null, null, null, expected);

    private async Task JudgeAsync(HttpRequestMessage request, int[] statuses, FuzzBody? body, string? server, IntakeLedger? ledger, Expected? expected = null)
    {
        var asked = $"{request.Method} {Shorten(request.RequestUri!.OriginalString, 120)}";
        // Before the send: the client makes the request's URI absolute.
        var endpoint = Endpoint(request);
        var kind = body is null ? $"{request.Method} {endpoint}" : $"{request.Method} {endpoint} {body.Generator}";
        HttpResponseMessage response;
        try
        {
            response = await Engine.Client.SendAsync(request, TestContext.Current.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            _findings.Add($"{kind}: unhandled {ex.GetType().Name}", $"{asked} threw {ex.GetType().Name}: {Shorten(ex.Message, 300)}", body);
            return;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var answered = $"{asked} -> {status} {mediaType}: {Shorten(text, 300)}";
            if (!statuses.Contains(status))
            {
                var wanted = string.Join("/", statuses);
                _findings.Add($"{kind}: {status} where {wanted} expected{(body is null ? "" : $" for {body.Expected}")}", answered, body);
                return;
            }

            if (status >= 400)
            {
                var negotiated = (status is 404 or 405 && !AcceptsJson(request)) || (status == 401 && endpoint is "status page" or "sign-in" && AcceptsHtml(request) && mediaType == "text/html");
                if (!negotiated && ProblemDetailsFault(status, mediaType, text, expected?.ErrorFields) is { } fault)
                {
                    _findings.Add($"{kind}: {status} is not clear problem details ({fault})", answered, body);
                }
            }
            else if (ledger is not null && ledger.Record(server!, status, text, body!) is { } wrongReply)
            {
                _findings.Add($"{kind}: bad 2xx reply", $"{wrongReply}; {answered}", body);
            }
            else if (expected?.CheckOk is { } check && check(JsonDocument.Parse(text).RootElement) is { } wrongList)
            {
                _findings.Add($"{kind}: wrong 200", $"{wrongList}; {answered}", body);
            }
        }
    }

    /// <summary>
    /// What is wrong with a 4xx body, or null: it must be application/problem+json with its status
    /// and a title; an endpoint's own refusals (400, 401, 413) say why in detail, and a 400 names
    /// each field in <c>errors</c>.
    /// </summary>
    private static string? ProblemDetailsFault(int status, string? mediaType, string text, string[]? errorFields)
    {
        if (mediaType != "application/problem+json")
        {
            return $"content type {mediaType ?? "none"}";
        }

        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            if (!problem.TryGetProperty("status", out var s) || s.GetInt32() != status || !problem.TryGetProperty("title", out _))
            {
                return "no status or title";
            }

            if (status is 400 or 401 or 413 && (!problem.TryGetProperty("detail", out var detail) || string.IsNullOrWhiteSpace(detail.GetString())))
            {
                return "no detail";
            }

            if (status == 400 && (!problem.TryGetProperty("errors", out var errors) || !errors.EnumerateObject().Any()))
            {
                return "no errors naming the fields";
            }

            var missing = errorFields?.Where(f => !problem.GetProperty("errors").TryGetProperty(f, out _)).ToList();
            return missing is { Count: > 0 } ? $"errors do not name {string.Join(", ", missing)}" : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return $"not JSON problem details: {ex.Message}";
        }
    }

    /// <summary>
    /// False when the request's Accept header rules JSON out: then an error the routing makes up
    /// (404, 405) falls back to text, as content negotiation should.
    /// </summary>
    private static bool AcceptsJson(HttpRequestMessage request) =>
        !request.Headers.NonValidated.TryGetValues("Accept", out var accept)
        || accept.Any(a => a.Contains("json", StringComparison.Ordinal) || a.Contains("*/*", StringComparison.Ordinal));

    /// <summary>True when the request asks for HTML: the status page then answers 401 with its sign-in form.</summary>
    private static bool AcceptsHtml(HttpRequestMessage request) =>
        request.Headers.NonValidated.TryGetValues("Accept", out var accept) && accept.Any(a => a.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    private static string Endpoint(HttpRequestMessage request)
    {
        var path = request.RequestUri!.OriginalString;
        return path == "/" || path.StartsWith("/?", StringComparison.Ordinal) ? "status page"
            : path.StartsWith("/sign-in", StringComparison.Ordinal) ? "sign-in"
            : path.StartsWith("/api/v1/status", StringComparison.Ordinal) ? "status"
            : path.StartsWith("/api/v1/zabbix/", StringComparison.Ordinal) ? "webhook"
            : path.StartsWith("/api/v1/tickets/", StringComparison.Ordinal) ? "ticket"
            : path.StartsWith("/api/v1/tickets", StringComparison.Ordinal) ? "ticket list"
            : "healthz";
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : $"{text[..max]}...({text.Length} chars)";
}

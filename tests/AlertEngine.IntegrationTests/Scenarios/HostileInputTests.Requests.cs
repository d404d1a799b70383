using System.Globalization;
using System.Text.Json;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>The hostile requests other than webhook bodies, each with what the contract expects of it.</summary>
public sealed partial class HostileInputTests
{
    private static readonly string[] Filters = ["state", "level", "type", "customer", "limit"];

    private static readonly Dictionary<string, string[]> FilterNames = new()
    {
        ["state"] = ["open", "acknowledged", "resolved", "closed"],
        ["level"] = ["L1", "L2", "L3", "L4"],
        ["type"] = ["ALERT", "PROBLEM", "REQUEST", "TASK", "PROJECT"],
        ["customer"] = ["acme", "nc", "ünïcode"],
        ["limit"] = ["1", "2", "1000"],
    };

    /// <summary>
    /// GET /api/v1/tickets with up to four filters, known or not, values hostile or right. When every
    /// part is escaped and no filter repeats, the answer is predicted exactly: 400 naming each bad
    /// filter, or 200 with only tickets that match.
    /// </summary>
    private static (HttpRequestMessage, Expected) TicketListRequest(Random r)
    {
        var pairs = new List<(string Key, string Value, bool Escaped)>();
        for (var n = r.Next(0, 5); n > 0; n--)
        {
            var key = r.Next(5) == 0 ? r.Pick(["offset", "page", "cursor", "sort", "q"]) : r.Pick(Filters);
            var value = r.Next(3) == 0 ? r.Pick(FilterNames[r.Pick(Filters)]) : r.Pick(HostileInputs.Texts);
            var raw = r.Next(8) == 0;
            pairs.Add((key, raw ? r.Pick(HostileInputs.RawEncodings) : value, !raw));
        }

        var query = string.Join("&", pairs.Select(p => $"{p.Key}={(p.Escaped ? Uri.EscapeDataString(p.Value) : p.Value)}"));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tickets?{query}");
        if (pairs.Exists(p => !p.Escaped) || pairs.GroupBy(p => p.Key).Any(g => g.Count() > 1))
        {
            return (request, new Expected([200, 400]));
        }

        var given = pairs.ToDictionary(p => p.Key, p => p.Value);
        var bad = Filters.Where(f => f != "customer" && given.TryGetValue(f, out var v) && !IsRightFilter(f, v)).ToArray();
        return bad.Length > 0
            ? (request, new Expected([400], ErrorFields: bad))
            : (request, new Expected([200], CheckOk: list => CheckList(list, given)));
    }

    private static bool IsRightFilter(string filter, string value) => filter == "limit"
        ? int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= 1000
        : FilterNames[filter].Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>What is wrong with a 200 list for these filters, or null.</summary>
    private static string? CheckList(JsonElement list, Dictionary<string, string> given)
    {
        var tickets = list.GetProperty("tickets").EnumerateArray().ToList();
        var limit = given.TryGetValue("limit", out var l) ? int.Parse(l, NumberStyles.Integer, CultureInfo.InvariantCulture) : 100;
        if (list.GetProperty("count").GetInt32() != tickets.Count || tickets.Count > limit)
        {
            return $"count {list.GetProperty("count")} for {tickets.Count} tickets with limit {limit}";
        }

        var customer = given.GetValueOrDefault("customer") is { } c && !string.IsNullOrWhiteSpace(c) ? c.Trim().ToLowerInvariant() : null;
        var mismatch = tickets.FirstOrDefault(t =>
            (given.TryGetValue("state", out var s) && !t.GetProperty("state").GetString()!.Equals(s.Trim(), StringComparison.OrdinalIgnoreCase))
            || (given.TryGetValue("level", out var v) && !t.GetProperty("level").GetString()!.Equals(v.Trim(), StringComparison.OrdinalIgnoreCase))
            || (given.TryGetValue("type", out var y) && !t.GetProperty("type").GetString()!.Equals(y.Trim(), StringComparison.OrdinalIgnoreCase))
            || (customer is not null && (!t.TryGetProperty("customer", out var tc) || tc.GetString() != customer)));
        return mismatch.ValueKind == JsonValueKind.Undefined ? null : $"ticket {mismatch} does not match the filters";
    }

    /// <summary>GET /api/v1/tickets/{number}: an existing number, a near miss, or hostile text; escaped ones are predicted exactly.</summary>
    private static (HttpRequestMessage, Expected) TicketRequest(Random r, string[] numbers)
    {
        var existing = r.Pick(numbers);
        var number = r.Next(4) switch
        {
            0 => existing,
            1 => r.Pick([existing + " ", " " + existing, "0" + existing, existing + ".0", "+" + existing, existing + "\u0001", existing + "%", $"{existing},{existing}"]),
            2 => r.NextInt64(-1, long.MaxValue).ToString(CultureInfo.InvariantCulture),
            _ => r.Pick(HostileInputs.Texts.Where(t => !t.Contains('\0', StringComparison.Ordinal)).ToList()),
        };
        if (r.Next(6) == 0)
        {
            return (new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tickets/{HostileInputs.PathPart(r)}{r.Pick(["", existing])}"), new Expected([200, 404]));
        }

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tickets/{Uri.EscapeDataString(number)}");
        var predictable = number.Trim('.').Length > 0 && !number.Any(c => c is '/' or '\\' || char.IsControl(c));
        return !predictable ? (request, new Expected([200, 404]))
            : numbers.Contains(number) ? (request, new Expected([200], CheckOk: t => t.GetProperty("number").GetString() == number ? null : $"asked for {number}"))
            : (request, new Expected([404]));
    }

    /// <summary>
    /// The status page and its data, with hostile cookies, queries and sign-in forms: the page or its
    /// JSON (200) for the client's token, else 401 (the form); a sign-in is a redirect (302) for a
    /// token that matches, else 401, or 400 when the body is not a form. Nothing is ever written.
    /// </summary>
    private static (HttpRequestMessage, Expected) StatusPageRequest(Random r)
    {
        switch (r.Next(3))
        {
            case 0:
                var page = new HttpRequestMessage(HttpMethod.Get, "/?" + HostileInputs.Part(r) + "=" + HostileInputs.Part(r));
                page.Headers.TryAddWithoutValidation("Cookie", $"alertengine_status={r.Pick(HostileInputs.Texts)}.{HostileInputs.Part(r)}");
                return (page, new Expected([200, 401]));
            case 1:
                return (new HttpRequestMessage(HttpMethod.Get, "/api/v1/status?" + HostileInputs.Part(r)), new Expected([200, 401]));
            default:
                var form = r.Next(3) switch
                {
                    0 => "token=" + Uri.EscapeDataString(r.Pick(HostileInputs.Texts)),
                    1 => "token=" + r.Pick(HostileInputs.RawEncodings) + "&token=" + HostileInputs.Part(r),
                    _ => string.Join("&", Enumerable.Range(0, r.Next(1, 50)).Select(_ => HostileInputs.Part(r) + "=" + HostileInputs.Part(r))),
                };
                var signIn = new HttpRequestMessage(HttpMethod.Post, "/sign-in") { Content = new StringContent(form) };
                signIn.Content.Headers.ContentType = null;
                signIn.Content.Headers.TryAddWithoutValidation("Content-Type", r.Next(4) == 0 ? r.Pick(HostileInputs.ContentTypes) : "application/x-www-form-urlencoded");
                return (signIn, new Expected([400, 401]));
        }
    }

    /// <summary>
    /// Methods the routes do not take (405), and POST /api/v1/tickets without a body: it opens
    /// tickets, so it is a 400 naming the body, and changes nothing.
    /// </summary>
    private static (HttpRequestMessage, Expected) MethodRequest(Random r, string number)
    {
        var method = r.Pick([HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete]);
        var path = r.Pick(["/api/v1/tickets", $"/api/v1/tickets/{number}", "/healthz"]);
        var request = new HttpRequestMessage(method, path);
        return method == HttpMethod.Post && path == "/api/v1/tickets"
            ? (request, new Expected([400], ErrorFields: ["body"]))
            : (request, new Expected([405]));
    }

    /// <summary>
    /// The engine's client sends the desk's API token; a hostile Authorization header replaces it,
    /// so a ticket API call the routes take is then refused with 401 before anything else (a path
    /// that dot segments move out of the API may still be a 404).
    /// </summary>
    private static Expected WithHostileAuthorization(HttpRequestMessage request, Expected expected)
    {
        var toTicketApi = request.RequestUri!.OriginalString.StartsWith("/api/v1/tickets", StringComparison.Ordinal);
        return !toTicketApi || !request.Headers.Contains("Authorization") || expected.Statuses is [405] ? expected
            : expected.Statuses.Contains(200) && expected.Statuses.Contains(404) ? new Expected([401, 404])
            : new Expected([401]);
    }

    /// <summary>The body with a hostile content type: none, wrong, or a charset it is not in; sometimes without a length.</summary>
    private static HttpContent HostileContent(Random r, byte[] body)
    {
        HttpContent content = r.Next(5) == 0 ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        if (r.Next(6) != 0)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", r.Pick(HostileInputs.ContentTypes));
        }

        if (r.Next(10) == 0)
        {
            content.Headers.TryAddWithoutValidation("Content-Encoding", r.Pick(["gzip", "br", "identity", "x-unknown"]));
        }

        return content;
    }

    private static void AddHostileHeaders(Random r, HttpRequestMessage request)
    {
        (string Name, string Value)[] headers =
        [
            ("Accept-Charset", "utf-16"), ("Accept-Language", "xx-XX;q=abc"),
            ("X-Forwarded-For", "999.1.1.1, junk"), ("X-Forwarded-Proto", "gopher"), ("Authorization", "Bearer junk"),
            ("Cookie", "a=" + new string('b', 4000)), ("If-None-Match", "*"), ("Range", "bytes=-1-2"), ("X-HTTP-Method-Override", "DELETE"),
        ];
        foreach (var (name, value) in headers.Where(_ => r.Next(8) == 0))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (r.Next(4) == 0)
        {
            request.Headers.TryAddWithoutValidation("Accept", r.Pick(["application/xml", "*/*;q=-1", "text/html, application/problem+json;q=0.1", "application/json"]));
        }

        if (r.Next(10) == 0)
        {
            request.Headers.ExpectContinue = true;
        }
    }
}

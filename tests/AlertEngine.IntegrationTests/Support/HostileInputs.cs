namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// Hostile parts of a request other than the webhook body: server names, tokens, content
/// types, headers, query strings and ticket numbers. Each is either escaped properly (so the
/// endpoint sees exactly the text) or raw (percent signs and encodings as an attacker types them).
/// </summary>
internal static class HostileInputs
{
    /// <summary>Texts that have broken parsers before.</summary>
    public static readonly string[] Texts =
    [
        "", " ", "\t", "null", "undefined", "NaN", "Infinity", "-1", "0", "-0", "+5", "1e3", "0x10", "1.5", "2147483647", "2147483648",
        "-2147483649", "9223372036854775808", "٣", "１", "' OR '1'='1", "1; DROP TABLE tickets; --", "\"", "\\", "%", "&", "=", "#", "?",
        "é", "日本語", "🔥", "\u202Eopen", "\u0000", "\u0001", "\u007f", "open\u0000", " open ", "OPEN", "Resolved", "l1", " L2 ", "L1,L2",
        "L5", "ALERT,PROBLEM", "alert", "problem ", "acme", " NC ", "ünïcode", "ÜNÏCODE", "1001", "1000", new string('a', 5000),
    ];

    /// <summary>Percent-encodings as typed, not escaped again: bad escapes, invalid UTF-8, NULs, plus signs.</summary>
    public static readonly string[] RawEncodings = ["%", "%%", "%G1", "%2", "%FF%FE", "%C0%AF", "%ED%A0%80", "%00", "a%20b", "+", "%2B", "%2F", "..", "%2e%2e", "a=b=c", "&&"];

    public static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/json; charset=utf-16", "application/problem+json", "application/xml", "*/*", "garbage", "application/json; charset=\"évil\"",
    ];

    public static T Pick<T>(this Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    /// <summary>A query-string part: mostly escaped text, sometimes raw encodings.</summary>
    public static string Part(Random r) => r.Next(4) == 0 ? r.Pick(RawEncodings) : Uri.EscapeDataString(r.Pick(Texts));

    /// <summary>
    /// A path segment like <see cref="Part"/>, without NUL: Kestrel refuses a path holding %00 with
    /// a 400 before any endpoint runs, and the test server throws instead.
    /// </summary>
    public static string PathPart(Random r)
    {
        var part = Part(r);
        return part.Contains("%00", StringComparison.Ordinal) ? PathPart(r) : part;
    }

    /// <summary>A Zabbix server name for the webhook path, escaped or raw.</summary>
    public static string ServerName(Random r) => r.Next(6) switch
    {
        0 => r.Pick([EngineHost.ServerA, "ZBX-A", "Zbx-B", "zbx%2Da", EngineHost.ServerB]),
        1 => r.Pick(["zbx-nowhere", "zbx-a ", "zbx-a%2Fevil", "zbx-a;drop", "zbx-", "zbx-ä", ""]),
        2 => new string('z', r.Next(100, 5000)),
        _ => PathPart(r),
    };

    /// <summary>
    /// The X-AlertEngine-Token values to send for a configured server: none, one or several.
    /// Printable ASCII only: a server refuses other header bytes before any endpoint runs.
    /// </summary>
    public static string[]? Token(Random r, string secret) => r.Next(10) switch
    {
        < 5 => [secret],
        5 => null,
        6 => [secret, secret],
        7 => [r.Pick(["", secret.ToUpperInvariant(), secret + "x", secret[..^1], EngineHost.SecretA + EngineHost.SecretB])],
        8 => [r.Pick([EngineHost.SecretA, EngineHost.SecretB])],
        _ => [r.Pick(Texts.Where(t => t.All(c => c is >= ' ' and <= '~')).ToList())],
    };
}

namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// The webhook contract field by field (samples/zabbix/README.md): which JSON type each field
/// has, when it is required, and values that are certainly wrong or certainly right for it.
/// </summary>
internal sealed partial class BodyMutator
{
    private enum FieldType
    {
        Id,
        Int,
        Severity,
        Epoch,
        Text,
        Bool,
        Texts,
        Tags,
    }

    /// <summary>A body field; <see cref="RequiredOn"/> is "all", a sample kind ("recovery", "update") or "".</summary>
    private sealed record Field(string Name, FieldType Type, string RequiredOn)
    {
        public bool IsRequiredOn(string kind) => RequiredOn == "all" || RequiredOn == kind;
    }

    private static readonly Field[] Fields =
    [
        new("event_id", FieldType.Id, "all"),
        new("value", FieldType.Int, "all"),
        new("update_status", FieldType.Int, "all"),
        new("severity", FieldType.Severity, "all"),
        new("event_name", FieldType.Text, "all"),
        new("trigger_id", FieldType.Id, "all"),
        new("host", FieldType.Text, "all"),
        new("host_name", FieldType.Text, ""),
        new("host_groups", FieldType.Texts, ""),
        new("tags", FieldType.Tags, ""),
        new("clock", FieldType.Epoch, "all"),
        new("event_source", FieldType.Int, ""),
        new("recovery_event_id", FieldType.Id, "recovery"),
        new("recovery_clock", FieldType.Epoch, ""),
        new("update_action", FieldType.Text, "update"),
        new("update_message", FieldType.Text, ""),
        new("update_user", FieldType.Text, ""),
        new("update_date", FieldType.Text, ""),
        new("update_time", FieldType.Text, ""),
        new("update_severity", FieldType.Severity, ""),
        new("acknowledged", FieldType.Bool, ""),
        new("opdata", FieldType.Text, ""),
        new("zabbix_url", FieldType.Text, ""),
    ];

    private static readonly string HugeNumber = "9" + new string('8', 999);

    /// <summary>Raw JSON values that no field of this type may accept (null is "missing", not wrong).</summary>
    private static string[] WrongValues(FieldType type) => type switch
    {
        FieldType.Id => ["\"abc\"", "\"\"", "\"-1\"", "\"1.5\"", "\" 51\"", "\"51 \"", "\"１２\"", "\"٥١\"", "\"0x1F\"", "\"NaN\"",
            "\"123456789012345678901\"", "-1", "1.5", "1e3", "18446744073709551616", HugeNumber, "true", "false", "{}", "[]", "[\"51\"]", "{\"id\":\"51\"}"],
        FieldType.Int or FieldType.Severity => ["\"1\"", "\"0\"", "1.5", "1.0", "1e0", "-1", "6", "2147483648", "-2147483649", HugeNumber, "-" + HugeNumber,
            "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "true", "{}", "[]", "[1]"],
        FieldType.Epoch => ["\"1795638019\"", "\"2026.11.25\"", "1795638019.5", "1795638019.0", "1.795638019e9", "0", "-1", "946684799", "4102444801",
            "9223372036854775808", "-9223372036854775809", "1e10", HugeNumber, "\"NaN\"", "true", "{}", "[]"],
        FieldType.Text => ["1", "0", "-1.5", "1e400", "true", "false", "{}", "[]", "[\"srv-acme-web1\"]", "{\"name\":\"x\"}",
            "\"" + new string('x', 4097) + "\""],
        FieldType.Bool => ["\"true\"", "\"false\"", "1", "0", "\"yes\"", "{}", "[]", "[true]"],
        FieldType.Texts => ["\"Linux servers\"", "[1]", "[true]", "[null]", "[{}]", "[[]]", "[[\"a\"]]", "[\"a\",1]", "{}", "1"],
        FieldType.Tags => ["\"service:web\"", "[\"service\"]", "[{\"tag\":1}]", "[{\"value\":\"x\"}]", "[{\"tag\":null}]", "[{\"tag\":\"a\",\"value\":1}]",
            "[{\"tag\":\"a\",\"value\":true}]", "[{\"tag\":\"a\",\"value\":{}}]", "[null]", "[[]]", "{}", "{\"tag\":\"a\"}", "1"],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Extra values only a required text field refuses: blank text.</summary>
    private static readonly string[] BlankTexts = ["\"\"", "\" \"", "\"\\t\\n\"", "\"\u3000\""];

    /// <summary>Raw JSON values every field of this type accepts (for the sample kind's own value/update_status).</summary>
    private static string RightValue(Random r, FieldType type, string name) => type switch
    {
        FieldType.Id => r.Next(3) switch
        {
            0 => Quote(Digits(r, r.Next(1, 21))),
            1 => ((ulong)r.NextInt64(0, long.MaxValue)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => r.Next(2) == 0 ? "18446744073709551615" : "\"00000000000000000001\"",
        },
        FieldType.Int => name == "event_source" ? "0" : throw new ArgumentOutOfRangeException(nameof(name), name, "value and update_status pick the event kind"),
        FieldType.Severity => r.Next(6).ToString(System.Globalization.CultureInfo.InvariantCulture),
        FieldType.Epoch => r.NextInt64(946_684_800, 4_102_444_801).ToString(System.Globalization.CultureInfo.InvariantCulture),
        FieldType.Text => r.Next(4) == 0 ? "\"" + new string('é', 4096) + "\"" : Quote(Unicode(r)),
        FieldType.Bool => r.Next(2) == 0 ? "true" : "false",
        FieldType.Texts => r.Next(3) == 0 ? "[]" : $"[{Quote(Unicode(r))},{Quote(Unicode(r))}]",
        FieldType.Tags => r.Next(4) switch
        {
            0 => "[]",
            1 => $"[{{\"tag\":{Quote(Unicode(r))}}}]",
            2 => $"[{{\"tag\":\"customer\",\"value\":null}},{{\"tag\":{Quote(Unicode(r))},\"value\":{Quote(Unicode(r))}}}]",
            _ => $"[{{\"tag\":\"customer\",\"value\":{Quote(Unicode(r))}}}]",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Non-blank text from all over Unicode (no lone surrogates), including escaped control characters.</summary>
    private static string Unicode(Random r) => r.Next(14) switch
    {
        0 => "srv-ñandú-web1",
        1 => "srv-日本-db1",
        2 => "сервер-1 «prod»",
        3 => "🔥🚒 disk full on 💾",
        4 => "e\u0301\u0301\u0301",
        5 => "\u202Esrv-acme-web1",
        6 => "\u200Bsrv\u200D-zwj",
        7 => "İstanbul ǅ ß ﷺ 𝔰𝔯𝔳",
        8 => "a\u2028b\u2029c",
        9 => "nul\u0000in the middle\u001f\b\f",
        10 => "\"quoted\" \\back\\slash/ <script>alert(1)</script>",
        11 => "'; DROP TABLE tickets; --",
        _ => "u" + RandomText(r, r.Next(1, 64)),
    };

    private static string RandomText(Random r, int length)
    {
        var text = new System.Text.StringBuilder(length * 2);
        while (text.Length < length)
        {
            var codePoint = r.Next(4) switch
            {
                0 => r.Next(0x21, 0x7F),
                1 => r.Next(0xA0, 0x800),
                2 => r.Next(0x800, 0xD800),
                _ => r.Next(0x10000, 0x110000),
            };
            text.Append(char.ConvertFromUtf32(codePoint));
        }

        return text.ToString();
    }

    private static string Digits(Random r, int length) =>
        string.Create(length, r, (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + random.Next(10));
            }
        });
}

using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>Mutations below the JSON level: broken syntax, encodings, truncations, byte damage, random bytes.</summary>
internal sealed partial class BodyMutator
{
    private static readonly byte[][] BadUtf8 =
    [
        [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE], [0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x94],
    ];

    private static readonly string[] NotJsonTokens = ["NaN", "Infinity", "-Infinity", "+1", ".5", "01", "1.", "0x1F", "'x'", "undefined", "None", "nul", "tru", "\"\\x41\"", "\"\\u12G4\""];

    private static Made NotAnEventObject(Random r, Sample s)
    {
        var sample = s.Text();
        var (name, body) = r.Next(22) switch
        {
            0 => ("empty", ""),
            1 => ("whitespace only", " \r\n\t "),
            2 => ("byte order mark only", "\uFEFF"),
            3 => ("two byte order marks", "\uFEFF\uFEFF" + sample),
            4 => ("top-level null", "null"),
            5 => ("top-level true", "true"),
            6 => ("top-level number", "42"),
            7 => ("top-level string", Quote(sample)),
            8 => ("top-level empty array", "[]"),
            9 => ("empty object", "{}"),
            10 => ("sample in an array", "[" + sample + "]"),
            11 => ("two objects", sample + sample),
            12 => ("trailing garbage", sample + Pick(r, ["x", ",", "}", "]", "\0", "\u0001", "//", "{"])),
            13 => ("trailing comma", Regex.Replace(sample, @"\s*}\s*$", ",}")),
            14 => ("comment", "/* zabbix */" + sample),
            15 => ("single quotes", sample.Replace('"', '\'')),
            16 => ("unquoted keys", Regex.Replace(sample, "\"([a-z_]+)\":", "$1:")),
            17 => ("XML", "<event><event_id>51</event_id><value>1</value></event>"),
            18 => ("form-encoded", "event_id=51&value=1&update_status=0&severity=4&host=srv-acme-web1"),
            19 => ("YAML", "event_id: 51\nvalue: 1\nseverity: 4\nhost: srv-acme-web1\n"),
            20 => ("non-JSON token as a value", Encoding.UTF8.GetString(s.With(Pick(r, ["severity", "opdata", "extra"]), Pick(r, NotJsonTokens)))),
            _ => ("non-JSON token", Pick(r, NotJsonTokens)),
        };
        return new(name, BodyVerdict.Invalid, Encoding.UTF8.GetBytes(body));
    }

    private static Made Truncated(Random r, Sample s)
    {
        if (r.Next(2) == 0)
        {
            s.Json["host_name"] = Unicode(r);
        }

        var bytes = s.Bytes();
        var last = Array.LastIndexOf(bytes, (byte)'}');
        // Half the cuts land next to a structural byte, a quote or inside a multi-byte character.
        var interesting = Enumerable.Range(1, last - 1).Where(i => bytes[i] is (byte)'{' or (byte)'[' or (byte)':' or (byte)',' or (byte)'"' or (byte)'\\' or >= 0x80).ToList();
        var at = r.Next(2) == 0 ? r.Next(0, last) : Pick(r, interesting) + r.Next(0, 2);
        return new($"truncated at byte {at} of {bytes.Length}", BodyVerdict.Invalid, bytes[..Math.Min(at, last)]);
    }

    private static Made InvalidUtf8(Random r, Sample s)
    {
        var bad = Pick(r, BadUtf8);
        var hex = Convert.ToHexString(bad);
        switch (r.Next(4))
        {
            case 0:
                var field = Pick(r, Fields.Where(f => f.Type == FieldType.Text).ToList());
                return new($"{field.Name} holds bytes {hex}", BodyVerdict.Invalid, s.Splice(field.Name, [.. "\"srv-"u8, .. bad, .. "-web1\""u8]));
            case 1:
                return new($"unknown field holds bytes {hex}", BodyVerdict.Invalid, s.Splice("extra", [(byte)'"', .. bad, (byte)'"']));
            case 2:
                var name = s.Bytes();
                var quote = Array.IndexOf(name, (byte)'"');
                return new($"property name holds bytes {hex}", BodyVerdict.Invalid, [.. name[..(quote + 1)], .. bad, .. name[(quote + 1)..]]);
            default:
                var body = s.Bytes();
                var at = r.Next(1, body.Length - 1);
                return new($"bytes {hex} at {at}", BodyVerdict.Invalid, [.. body[..at], .. bad, .. body[at..]]);
        }
    }

    private static Made ControlCharacters(Random r, Sample s)
    {
        var control = (byte)r.Next(0x00, 0x20);
        var field = Pick(r, Fields.Where(f => f.Type == FieldType.Text).ToList());
        switch (r.Next(3))
        {
            case 0:
                return new($"{field.Name} holds raw 0x{control:X2}", BodyVerdict.Invalid, s.Splice(field.Name, [.. "\"srv"u8, control, .. "web\""u8]));
            case 1:
                var escaped = $"\"a\\u{control:x4}b\\u0000\\b\\f\\t\\r\\n\\u007f\u007f\"";
                return new($"{field.Name} holds escaped control characters", BodyVerdict.Valid, s.With(field.Name, escaped));
            default:
                // Outside strings only space, tab, CR and LF are whitespace.
                var body = s.Bytes();
                var comma = Array.IndexOf(body, (byte)',');
                var verdict = control is 0x09 or 0x0A or 0x0D ? BodyVerdict.Valid : BodyVerdict.Invalid;
                return new($"raw 0x{control:X2} between tokens", verdict, [.. body[..(comma + 1)], control, .. body[(comma + 1)..]]);
        }
    }

    private static Made LoneSurrogate(Random r, Sample s)
    {
        var text = Pick(r, ["\\uD800", "\\uDFFF", "x\\uD800y", "\\uDC00\\uD800", "\\uD800\\u0041", "\\uDBFF"]);
        var field = r.Next(3) == 0 ? "extra" : Pick(r, Fields.Where(f => f.Type == FieldType.Text).ToList()).Name;
        return new($"{field} holds {text}", BodyVerdict.Either, s.With(field, $"\"{text}\""));
    }

    private static Made HarmlessVariant(Random r, Sample s)
    {
        switch (r.Next(7))
        {
            case 0:
                return new("byte order mark", BodyVerdict.Valid, [0xEF, 0xBB, 0xBF, .. s.Bytes()]);
            case 1:
                return new("padded with whitespace", BodyVerdict.Valid, Encoding.UTF8.GetBytes($" \r\n\t{s.Text()}\n\t \r\n"));
            case 2:
                var shuffled = new JsonObject();
                foreach (var (key, value) in s.Json.OrderBy(_ => r.Next()).ToList())
                {
                    shuffled[key] = value?.DeepClone();
                }

                return new("fields reordered", BodyVerdict.Valid, Encoding.UTF8.GetBytes(shuffled.ToJsonString(Compact)));
            case 3:
                var field = Pick(r, s.Json.Select(p => p.Key).ToList());
                var escaped = string.Concat(field.Select(c => $"\\u{(int)c:x4}"));
                return new($"{field} name escaped", BodyVerdict.Valid, Encoding.UTF8.GetBytes(s.Text().Replace($"\"{field}\":", $"\"{escaped}\":", StringComparison.Ordinal)));
            case 4:
                s.Json[Unicode(r)] = RandomJson(r, 4);
                s.Json["Event_ID"] = "not-an-id";
                return new("unknown fields", BodyVerdict.Valid, s.Bytes());
            case 5:
                var same = Pick(r, s.Json.Select(p => p.Key).ToList());
                var json = s.Json[same]?.ToJsonString(Compact) ?? "null";
                return new($"{same} twice, same value", BodyVerdict.Valid, Encoding.UTF8.GetBytes($"{{\"{same}\":{json},{s.Text().TrimStart()[1..]}"));
            default:
                var twice = Pick(r, Fields).Name;
                var other = r.Next(2) == 0 ? RightValue(r, FieldType.Id, twice) : Pick(r, WrongValues(FieldType.Int));
                return new($"{twice} twice, other value {Shorten(other)}", BodyVerdict.Either, Encoding.UTF8.GetBytes($"{{\"{twice}\":{other},{s.Text().TrimStart()[1..]}"));
        }
    }

    private static Made ByteDamage(Random r, Sample s)
    {
        var body = new List<byte>(s.Bytes());
        var operations = r.Next(1, 9);
        for (var i = 0; i < operations && body.Count > 2; i++)
        {
            var at = r.Next(body.Count);
            switch (r.Next(6))
            {
                case 0: body[at] = (byte)r.Next(256); break;
                case 1: body[at] ^= (byte)(1 << r.Next(8)); break;
                case 2: body.Insert(at, (byte)r.Next(256)); break;
                case 3: body.RemoveAt(at); break;
                case 4: body.InsertRange(at, body.GetRange(at, Math.Min(r.Next(1, 64), body.Count - at))); break;
                default: body.RemoveRange(at, Math.Min(r.Next(1, 64), body.Count - at)); break;
            }
        }

        return new($"{operations} byte changes", BodyVerdict.Either, [.. body]);
    }

    private static Made RandomBody(Random r, Sample s)
    {
        switch (r.Next(4))
        {
            case 0:
                var bytes = new byte[r.Next(4) == 0 ? r.Next(0, 70_000) : r.Next(0, 2048)];
                r.NextBytes(bytes);
                return new($"{bytes.Length} random bytes", BodyVerdict.Either, bytes);
            case 1:
                return new("random text", BodyVerdict.Either, Encoding.UTF8.GetBytes(RandomText(r, r.Next(0, 512))));
            case 2:
                string[] tokens = ["{", "}", "[", "]", ":", ",", "\"event_id\"", "\"51\"", "1", "-0", "null", "true", "1e999", "\"\\u\"", " ", "\"host\"", "\"", "\\"];
                return new("random JSON tokens", BodyVerdict.Either, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, r.Next(1, 200)).Select(_ => Pick(r, tokens)))));
            default:
                var o = new JsonObject();
                foreach (var field in Fields.Where(_ => r.Next(2) == 0))
                {
                    o[field.Name] = RandomJson(r, 3);
                }

                return new("random values for the real fields", BodyVerdict.Either, Encoding.UTF8.GetBytes(o.ToJsonString(Compact)));
        }
    }

    private static JsonNode? RandomJson(Random r, int depth) => r.Next(depth > 0 ? 8 : 5) switch
    {
        0 => null,
        1 => r.Next(2) == 0,
        2 => r.NextInt64(long.MinValue, long.MaxValue),
        3 => (r.NextDouble() - 0.5) * Math.Pow(10, r.Next(-300, 300)),
        4 => Unicode(r),
        5 or 6 => new JsonArray([.. Enumerable.Range(0, r.Next(4)).Select(_ => RandomJson(r, depth - 1))]),
        _ => new JsonObject(Enumerable.Range(0, r.Next(4)).Select(i => KeyValuePair.Create($"{Unicode(r)}{i}", RandomJson(r, depth - 1)))),
    };
}

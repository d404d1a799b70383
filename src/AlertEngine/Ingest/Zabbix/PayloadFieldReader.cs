using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace AlertEngine.Ingest.Zabbix;

/// <summary>
/// Reads the top-level fields of a webhook body for <see cref="ZabbixWebhookPayload"/>, collecting
/// every problem with the field it concerns. The body's properties are walked once and filed under
/// the field they name, so that each field is then found directly (a storm is thousands of bodies a
/// second); as with <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>, a name given
/// twice means its last value, and an escaped name counts as the name it spells.
/// </summary>
internal sealed class PayloadFieldReader
{
    /// <summary>Longest text field accepted (event names, messages): Zabbix itself caps most at 2048.</summary>
    public const int MaxText = 4096;

    /// <summary>Every top-level field <see cref="ZabbixWebhookPayload"/> reads; asking for another is a bug and throws.</summary>
    private static readonly FrozenDictionary<string, int> Fields = new[]
    {
        "event_id", "value", "update_status", "severity", "event_name", "trigger_id", "host", "host_name",
        "host_groups", "tags", "clock", "event_source", "recovery_event_id", "recovery_clock", "update_action",
        "update_message", "update_user", "update_date", "update_time", "update_clock", "update_severity",
        "acknowledged", "suppressed", "opdata", "zabbix_url", "poller_note",
    }.Select((name, index) => (name, index)).ToFrozenDictionary(f => f.name, f => f.index, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> FieldsBySpan =
        Fields.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longest field name, in bytes (the names are ASCII); a longer property cannot be one of <see cref="Fields"/>.</summary>
    private static readonly int LongestName = Fields.Keys.Max(name => name.Length);

    private readonly JsonElement[] _values = new JsonElement[Fields.Count];

    public PayloadFieldReader(JsonElement root)
    {
        Span<char> name = stackalloc char[LongestName];
        foreach (var property in root.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            int index;
            if (raw.Contains((byte)'\\'))
            {
                // An escaped name (\u0065vent_id): compare what it spells.
                if (!Fields.TryGetValue(property.Name, out index))
                {
                    continue;
                }
            }
            else if (raw.Length > LongestName
                || Ascii.ToUtf16(raw, name, out var length) != OperationStatus.Done
                || !FieldsBySpan.TryGetValue(name[..length], out index))
            {
                continue;
            }

            _values[index] = property.Value;
        }
    }

    public List<PayloadError> Errors { get; } = [];

    public bool HasError(string field) => Errors.Exists(e => e.Field == field);

    public void Fail(string field, string reason) => Errors.Add(new PayloadError(field, reason));

    private bool TryGet(string field, bool required, out JsonElement element)
    {
        element = _values[Fields[field]];
        if (element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            if (required)
            {
                Fail(field, "is required");
            }

            return false;
        }

        return true;
    }

    /// <summary>Zabbix ids: a string of digits (what the media type sends) or a whole number.</summary>
    public string? Id(string field, bool required)
    {
        if (!TryGet(field, required, out var e))
        {
            return null;
        }

        var text = e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number when e.TryGetUInt64(out var n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
        if (string.IsNullOrEmpty(text) || text.Length > 20 || !text.All(char.IsAsciiDigit))
        {
            Fail(field, "must be a Zabbix id: a string of digits");
            return null;
        }

        return text;
    }

    public int? Int(string field, bool required, int min, int max, string rangeReason)
    {
        if (!TryGet(field, required, out var e))
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var n))
        {
            Fail(field, "must be a whole number");
            return null;
        }

        if (n < min || n > max)
        {
            Fail(field, rangeReason);
            return null;
        }

        return n;
    }

    public DateTimeOffset? Epoch(string field, bool required)
    {
        if (!TryGet(field, required, out var e))
        {
            return null;
        }

        // 2000-01-01 .. 2100-01-01: anything else is a macro gone wrong, not a Zabbix clock.
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out var seconds) || seconds < 946_684_800 || seconds > 4_102_444_800)
        {
            Fail(field, "must be Unix epoch seconds (a whole number, e.g. from {EVENT.TIMESTAMP})");
            return null;
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    public string? Text(string field, bool required)
    {
        if (!TryGet(field, required, out var e))
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            Fail(field, "must be a string");
            return null;
        }

        var text = e.GetString()!;
        if (text.Length > MaxText)
        {
            Fail(field, $"must be at most {MaxText} characters");
            return null;
        }

        if (required && string.IsNullOrWhiteSpace(text))
        {
            Fail(field, "must not be empty");
            return null;
        }

        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    public bool? Bool(string field)
    {
        if (!TryGet(field, required: false, out var e))
        {
            return null;
        }

        if (e.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Fail(field, "must be true or false");
            return null;
        }

        return e.GetBoolean();
    }

    public IReadOnlyList<string> TextArray(string field)
    {
        if (!TryGet(field, required: false, out var e))
        {
            return [];
        }

        if (e.ValueKind != JsonValueKind.Array || e.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
        {
            Fail(field, "must be an array of strings");
            return [];
        }

        return [.. e.EnumerateArray().Select(x => x.GetString()!).Where(x => x.Length > 0)];
    }

    public List<EventTag> Tags(string field)
    {
        if (!TryGet(field, required: false, out var e))
        {
            return [];
        }

        if (e.ValueKind != JsonValueKind.Array)
        {
            Fail(field, "must be an array of {\"tag\": ..., \"value\": ...} objects");
            return [];
        }

        var tags = new List<EventTag>();
        var index = 0;
        foreach (var item in e.EnumerateArray())
        {
            var value = default(JsonElement);
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("tag"u8, out var tag) || tag.ValueKind != JsonValueKind.String
                || (item.TryGetProperty("value"u8, out value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)))
            {
                Fail($"{field}[{index}]", "must be an object with a string \"tag\" and an optional string \"value\"");
                return [];
            }

            tags.Add(new EventTag(tag.GetString()!, value.ValueKind == JsonValueKind.String ? value.GetString()! : ""));
            index++;
        }

        return tags;
    }
}

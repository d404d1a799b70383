using System.Globalization;
using System.Text.Json;

namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>Defensive readers for Zabbix replies: ids and numbers come as strings ("10084"), sometimes as numbers.</summary>
internal static class ZabbixJson
{
    /// <summary>The property as text (a string, or a number written out), or null when absent or of another kind.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    public static long? Long(JsonElement element, string name) =>
        Text(element, name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static int Int(JsonElement element, string name, int fallback = 0) =>
        Text(element, name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    public static bool Flag(JsonElement element, string name) => Int(element, name) != 0;

    /// <summary>A Unix time in seconds (<c>clock</c>) as a UTC instant; the epoch when absent or unreadable.</summary>
    public static DateTimeOffset Clock(JsonElement element, string name) =>
        Long(element, name) is { } seconds && seconds >= 0 && seconds <= 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UnixEpoch;

    /// <summary>An id that Zabbix writes as "0" for "none" (<c>r_eventid</c> of an open problem) as null.</summary>
    public static string? OptionalId(JsonElement element, string name) =>
        Text(element, name) is { Length: > 0 } id && id != "0" ? id : null;

    /// <summary>The elements of an array property; empty when absent or not an array.</summary>
    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    /// <summary>The elements of a result that should be an array; empty otherwise.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement result) =>
        result.ValueKind == JsonValueKind.Array ? result.EnumerateArray() : [];
}

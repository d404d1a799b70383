using System.Globalization;
using System.Text.Json;

namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>A JSON-RPC error as Zabbix sends it (<c>error {code, message, data}</c>, reference B10).</summary>
internal sealed record ZabbixRpcError(int Code, string Message, string? Data);

/// <summary>
/// One JSON-RPC reply: either <see cref="Result"/> or <see cref="Error"/>. Zabbix sends errors
/// with HTTP 200, so the body decides. A body that is not a JSON-RPC reply (an HTML page from a
/// proxy, an empty body) throws <see cref="FormatException"/>.
/// </summary>
internal sealed record ZabbixRpcReply(JsonElement Result, ZabbixRpcError? Error)
{
    public static ZabbixRpcReply Parse(string body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new FormatException("the reply is not JSON", ex);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("the reply is not a JSON-RPC object");
        }

        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var code = ZabbixJson.Text(error, "code") is { } c && int.TryParse(c, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
            var message = ZabbixJson.Text(error, "message") ?? "";
            var data = ZabbixJson.Text(error, "data");
            return new ZabbixRpcReply(default, new ZabbixRpcError(code, message, string.IsNullOrEmpty(data) ? null : data));
        }

        if (!root.TryGetProperty("result", out var result))
        {
            throw new FormatException("the reply has neither result nor error");
        }

        return new ZabbixRpcReply(result, null);
    }
}

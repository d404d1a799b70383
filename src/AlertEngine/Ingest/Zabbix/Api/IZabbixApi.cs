using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Refit;

namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>
/// The transport of the Zabbix JSON-RPC API (Refit): one POST to <c>api_jsonrpc.php</c> with a
/// JSON body (Content-Type application/json; anything else is HTTP 412). The reply is read by
/// <see cref="ZabbixRpcReply"/>, because JSON-RPC errors come with HTTP 200.
/// </summary>
internal interface IZabbixApi
{
    /// <summary>
    /// Sends one request. <paramref name="authorization"/> is <c>Bearer &lt;token&gt;</c> on 6.4+
    /// and null otherwise (Refit then sends no header). The body is buffered so that it goes with
    /// a Content-Length, as PHP front ends expect.
    /// </summary>
    [Post("")]
    Task<HttpResponseMessage> CallAsync(
        [Body(BodySerializationMethod.Serialized, buffered: true)] JsonRpcRequest request,
        [Header("Authorization")] string? authorization,
        CancellationToken cancellationToken);
}

/// <summary>One JSON-RPC 2.0 request, in the property order Zabbix documents. <see cref="Auth"/> is omitted when null.</summary>
internal sealed record JsonRpcRequest(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("params")] JsonObject Params,
    [property: JsonPropertyName("auth"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Auth,
    [property: JsonPropertyName("id")] long Id)
{
    [JsonPropertyName("jsonrpc")]
    [JsonPropertyOrder(-1)]
    public string JsonRpc { get; } = "2.0";
}

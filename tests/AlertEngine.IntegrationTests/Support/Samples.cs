using System.Text.Json.Nodes;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>The real-shaped webhook bodies in samples/zabbix/payloads/, as sent by the media type.</summary>
internal static class Samples
{
    public static string Problem => Read("problem.json");

    public static string Update => Read("update.json");

    public static string Recovery => Read("recovery.json");

    /// <summary>A sample with some fields changed (e.g. another event id or trigger).</summary>
    public static string With(string sample, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(sample)!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private static string Read(string name) => File.ReadAllText(RepositoryRoot.File("samples", "zabbix", "payloads", name));
}

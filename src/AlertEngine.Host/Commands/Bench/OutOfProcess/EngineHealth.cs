using System.Text.Json;

namespace AlertEngine.Host.Commands.Bench.OutOfProcess;

/// <summary>What an engine process's <c>GET /healthz</c> said: healthy or not, which database, and its inbox backlog.</summary>
/// <param name="Healthy">200 with status "ok": the database is writable.</param>
/// <param name="DatabasePath">The database the engine stores in: tells our engine from another process on the same port.</param>
/// <param name="Error">Why the storage probe failed, when it did (e.g. "database is locked" under load).</param>
/// <param name="Backlog">Inbox events not processed yet; null when the answer did not say.</param>
/// <param name="Poisoned">Events set aside as poisoned; null when the answer did not say.</param>
internal sealed record EngineHealth(bool Healthy, string? DatabasePath, string? Error, long? Backlog, long? Poisoned)
{
    public static EngineHealth Parse(int statusCode, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new EngineHealth(false, null, null, null, null);
            }

            var ok = statusCode == 200 && root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String && status.ValueEquals("ok");
            var inbox = root.TryGetProperty("inbox", out var i) && i.ValueKind == JsonValueKind.Object ? i : default;
            var storage = root.TryGetProperty("storage", out var st) && st.ValueKind == JsonValueKind.Object ? st : default;
            return new EngineHealth(ok, Text(storage, "path"), Text(storage, "error"), Count(inbox, "backlog"), Count(inbox, "poisoned"));
        }
        catch (JsonException)
        {
            return new EngineHealth(false, null, null, null, null);
        }
    }

    private static string? Text(JsonElement storage, string name) =>
        storage.ValueKind == JsonValueKind.Object && storage.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Count(JsonElement inbox, string name) =>
        inbox.ValueKind == JsonValueKind.Object && inbox.TryGetProperty(name, out var value) && value.TryGetInt64(out var count) ? count : null;
}

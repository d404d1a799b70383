using System.Globalization;
using System.Text.Json;

namespace AlertEngine.Host.Endpoints;

/// <summary>
/// The JSON object of a ticket API POST, read by hand so that every problem is a 400 naming its
/// field: string (or null) values of known fields only, at most <see cref="MaxBytes"/> bytes.
/// </summary>
internal sealed class TicketRequestBody
{
    public const int MaxBytes = 64 * 1024;

    private readonly Dictionary<string, string?> _fields = new(StringComparer.Ordinal);

    private TicketRequestBody()
    {
    }

    /// <summary>Problems with the body, by field ("body" for the body as a whole).</summary>
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>The value of a known field, or null when absent or null.</summary>
    public string? this[string field] => _fields.GetValueOrDefault(field);

    /// <summary>Reads the body; <paramref name="fields"/> are the known names (matched in any case).</summary>
    public static async Task<TicketRequestBody> ReadAsync(HttpRequest request, IReadOnlyList<string> fields, bool emptyAllowed, CancellationToken cancellationToken)
    {
        var body = new TicketRequestBody();
        var bytes = await ReadAtMostAsync(request.Body, cancellationToken);
        var expected = $"a JSON object with {string.Join(", ", fields)}";
        if (bytes is null)
        {
            body.Errors["body"] = [$"is larger than {MaxBytes.ToString(CultureInfo.InvariantCulture)} bytes"];
            return body;
        }

        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            if (!emptyAllowed)
            {
                body.Errors["body"] = [$"is empty; it must be {expected}"];
            }

            return body;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                body.Errors["body"] = [$"must be {expected}"];
                return body;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var name = fields.FirstOrDefault(f => string.Equals(f, property.Name, StringComparison.OrdinalIgnoreCase));
                if (name is null)
                {
                    body.Errors[property.Name] = [$"is not a field of this call; the fields are {string.Join(", ", fields)}"];
                }
                else if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
                {
                    body._fields[name] = property.Value.GetString();
                }
                else
                {
                    body.Errors[name] = ["must be a string"];
                }
            }
        }
        catch (JsonException ex)
        {
            body.Errors["body"] = [$"is not valid JSON ({ex.Message}); it must be {expected}"];
        }

        return body;
    }

    /// <summary>The body's bytes, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}

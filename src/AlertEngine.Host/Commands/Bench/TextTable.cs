namespace AlertEngine.Host.Commands.Bench;

/// <summary>The benchmark's tables: a header, a rule, then rows with ` | ` between cells (Markdown-compatible), widths fitted to the content.</summary>
internal static class TextTable
{
    /// <summary>Writes the table; the columns in <paramref name="rightAligned"/> (numbers) are padded on the left.</summary>
    public static async Task WriteAsync(TextWriter output, string[] header, IReadOnlyList<string[]> rows, IReadOnlyCollection<int> rightAligned)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(rightAligned);
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        await output.WriteLineAsync(string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        await output.WriteLineAsync(string.Join(" | ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            var cells = row.Select((cell, i) => rightAligned.Contains(i) ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
            await output.WriteLineAsync(string.Join(" | ", cells).TrimEnd());
        }
    }
}

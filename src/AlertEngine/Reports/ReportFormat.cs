namespace AlertEngine.Reports;

/// <summary>How a handover report is written: a self-contained HTML page, Markdown for chat, or JSON for other tools.</summary>
public enum ReportFormat
{
    Html,
    Markdown,
    Json,
}

/// <summary>Option and command-line spelling of <see cref="ReportFormat"/> (html, md, json) and the file extension of each.</summary>
public static class ReportFormatNames
{
    public static string ToName(this ReportFormat format) => format switch
    {
        ReportFormat.Markdown => "md",
        ReportFormat.Json => "json",
        _ => "html",
    };

    /// <summary>The file extension, with its dot.</summary>
    public static string Extension(this ReportFormat format) => "." + format.ToName();

    /// <summary>The media type of a body in this format.</summary>
    public static string MediaType(this ReportFormat format) => format switch
    {
        ReportFormat.Markdown => "text/markdown; charset=utf-8",
        ReportFormat.Json => "application/json; charset=utf-8",
        _ => "text/html; charset=utf-8",
    };

    public static bool TryParse(string? text, out ReportFormat format)
    {
        format = ReportFormat.Html;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "html":
                return true;
            case "md" or "markdown":
                format = ReportFormat.Markdown;
                return true;
            case "json":
                format = ReportFormat.Json;
                return true;
            default:
                return false;
        }
    }
}

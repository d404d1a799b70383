using AlertEngine.Reports.Render;

namespace AlertEngine.Reports;

/// <summary>The one place that picks a renderer for a format.</summary>
public static class ReportRendering
{
    public static string Render(HandoverReport report, ReportFormat format, ReportLanguage language) => format switch
    {
        ReportFormat.Markdown => HandoverMarkdown.Render(report, language),
        ReportFormat.Json => HandoverJson.Render(report, language),
        _ => HandoverHtml.Render(report, language),
    };
}

namespace AlertEngine.Reports;

/// <summary>The language of a report's and the status page's labels: <c>en</c> or <c>zh-CN</c> (option <c>Reports:Language</c>).</summary>
public enum ReportLanguage
{
    En,
    ZhCn,
}

/// <summary>Option spelling of <see cref="ReportLanguage"/>.</summary>
public static class ReportLanguageNames
{
    public static string ToName(this ReportLanguage language) => language == ReportLanguage.ZhCn ? "zh-CN" : "en";

    public static bool TryParse(string? text, out ReportLanguage language)
    {
        language = ReportLanguage.En;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "en":
                return true;
            case "zh-cn" or "zh":
                language = ReportLanguage.ZhCn;
                return true;
            default:
                return false;
        }
    }
}

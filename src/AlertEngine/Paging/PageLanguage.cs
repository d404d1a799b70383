namespace AlertEngine.Paging;

/// <summary>The language a person is paged in: SMS text and the words spoken on a call.</summary>
public enum PageLanguage
{
    /// <summary><c>en</c>.</summary>
    English,

    /// <summary><c>zh-CN</c>.</summary>
    Chinese,
}

/// <summary>Names of <see cref="PageLanguage"/> as rule files write them (<c>en</c>, <c>zh-CN</c>).</summary>
public static class PageLanguageNames
{
    public static string ToName(this PageLanguage language) => language == PageLanguage.Chinese ? "zh-CN" : "en";

    public static bool TryParse(string? text, out PageLanguage language)
    {
        language = PageLanguage.English;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "en":
                return true;
            case "zh-cn":
                language = PageLanguage.Chinese;
                return true;
            default:
                return false;
        }
    }
}

namespace AlertEngine.Classify;

/// <summary>When a ticket's page goes out, as the rules decide (<c>page:</c>).</summary>
public enum PagePolicy
{
    /// <summary>Page at once, day or night.</summary>
    Now,

    /// <summary>In business hours page at once; outside them hold the page until the next business morning.</summary>
    BusinessHours,

    /// <summary>Ticket only, never page.</summary>
    Never,
}

/// <summary>Names of <see cref="PagePolicy"/> as rule files and the API write them.</summary>
public static class PagePolicyNames
{
    public static readonly IReadOnlyList<string> All = ["now", "business_hours", "never"];

    public static string ToName(this PagePolicy policy) => policy switch
    {
        PagePolicy.Now => "now",
        PagePolicy.BusinessHours => "business_hours",
        _ => "never",
    };

    public static bool TryParse(string? text, out PagePolicy policy)
    {
        policy = PagePolicy.Now;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "now":
                return true;
            case "business_hours":
                policy = PagePolicy.BusinessHours;
                return true;
            case "never":
                policy = PagePolicy.Never;
                return true;
            default:
                return false;
        }
    }
}

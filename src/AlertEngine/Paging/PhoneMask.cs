namespace AlertEngine.Paging;

/// <summary>Phone numbers as logs, timelines and commands show them: only the last four digits (<c>…0001</c>).</summary>
public static class PhoneMask
{
    public static string Mask(string? phone) =>
        string.IsNullOrEmpty(phone) ? "(no number)" : phone.Length <= 4 ? "…" + phone : "…" + phone[^4..];
}

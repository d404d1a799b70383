namespace AlertEngine.Paging;

/// <summary>One SMS for several pages to the same person.</summary>
public static partial class PageText
{
    // More items than this never fit a page of a few segments; the rest are "+N more".
    private const int MaxBundleItems = 40;

    // A host in a bundle item is cut to this many characters (middle cut).
    private const int MaxBundleHost = 16;

    /// <summary>
    /// Several pages for one person in one SMS, the highest level first (then in the order given):
    /// <c>3 new alerts: L1 #1234 NC web1, L2 #1240 NC db2, +1 more; reply ACK &lt;ticket&gt; for one, or ACK ALL</c>.
    /// As many items as fit the fewest segments that hold at least one; the others are counted as
    /// "+N more". A single subject is worded as <see cref="Sms"/> words it.
    /// </summary>
    public static string Bundle(IReadOnlyList<PageSubject> subjects, PageLanguage language, string? ackLink)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        if (subjects.Count == 0)
        {
            throw new ArgumentException("A bundle needs at least one page", nameof(subjects));
        }

        if (subjects.Count == 1)
        {
            return Sms(subjects[0], language, ackLink);
        }

        var link = string.IsNullOrWhiteSpace(ackLink) ? null : ackLink.Trim();
        var items = subjects.OrderBy(s => s.Level).Take(MaxBundleItems).Select(s => BundleItem(s, language)).ToList();
        for (var segments = 1; ; segments++)
        {
            for (var shown = items.Count; shown >= 1; shown--)
            {
                var text = BundleText(subjects.Count, items.Take(shown), subjects.Count - shown, language, link);
                if (Measure(text).Segments <= segments)
                {
                    return text;
                }
            }
        }
    }

    private static string BundleText(int count, IEnumerable<string> items, int more, PageLanguage language, string? link) =>
        language == PageLanguage.Chinese
            ? $"{count}条新告警：{string.Join("，", items)}{(more > 0 ? $"，另{more}条" : "")}；回复ACK 工单号确认一条，ACK ALL确认全部{(link is null ? "" : "，或点 " + link)}"
            : $"{count} new alerts: {string.Join(", ", items)}{(more > 0 ? $", +{more} more" : "")}; reply ACK <ticket> for one, or ACK ALL{(link is null ? "" : ", or tap " + link)}";

    /// <summary><c>L1 #1234 NC web1</c>: the host without the <c>srv-&lt;customer&gt;-</c> the customer already says.</summary>
    private static string BundleItem(PageSubject subject, PageLanguage language)
    {
        var customer = Clean(subject.Customer, language);
        var host = Clean(subject.Host, language);
        var prefix = $"srv-{customer}-";
        if (customer.Length > 0 && host.Length > prefix.Length && host.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            host = host[prefix.Length..];
        }

        host = ElideMiddle(host, MaxBundleHost, language == PageLanguage.English && IsGsm7(host) ? "..." : "…");
        return string.Join(' ', new[] { subject.Level.ToString(), "#" + subject.TicketNumber.Trim(), customer, host }.Where(p => p.Length > 0));
    }
}

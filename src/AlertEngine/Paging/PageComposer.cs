namespace AlertEngine.Paging;

/// <summary>What one send says: the SMS text, or the words spoken on the call.</summary>
public sealed record ComposedPage(string Body, PageLanguage Language);

/// <summary>
/// The pure choice of what one send to a person says (no I/O): one page gets its own text with its
/// one-tap link (SMS) or key-press prompt (call); several pages due together for the same person and
/// channel go out as one — a bundle SMS ("5 new alerts …", ACK ALL) or one call about the most
/// severe of them whose key press acknowledges them all.
/// </summary>
public static class PageComposer
{
    public static ComposedPage Compose(PageChannel channel, IReadOnlyList<PageRow> rows, Func<PageRow, string?> link)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(link);
        if (rows.Count == 0)
        {
            throw new ArgumentException("a send carries at least one page", nameof(rows));
        }

        var first = rows[0];
        var language = first.Payload.Language;
        var subjects = rows.Select(r => r.Payload.Subject).OrderBy(s => s.Level).ToList();
        if (channel == PageChannel.Call)
        {
            return new ComposedPage(PageText.Spoken(subjects[0], language, keyPressAcknowledges: true), language);
        }

        return rows.Count == 1
            ? new ComposedPage(PageText.Sms(first.Payload.Subject, language, link(first)), language)
            : new ComposedPage(PageText.Bundle(subjects, language, null), language);
    }
}

namespace AlertEngine.Paging;

/// <summary>
/// The words of a page: the SMS text (one page or a bundle of several) and what a call says. Pure:
/// the same subject always gives the same text.
/// </summary>
/// <remarks>
/// An SMS fits one segment whenever it can (160 GSM-7 septets, or 70 UCS-2 units once any character
/// is outside GSM-7). To get there the problem text is cut first (down to <see cref="MinProblem"/>
/// characters), then the host (middle cut, down to <see cref="MinHost"/>), then the rest of the
/// problem, the host and the customer are dropped, in that order. The level, the ticket number, the
/// "ACK &lt;number&gt;" code and the link are never cut. When even that bare minimum does not fit one
/// segment (a Chinese text with a link: the link alone takes most of 70 units) the text takes the
/// fewest segments the minimum needs, and fills them with as much of the rest as fits: a page that
/// arrives in two parts beats one whose link is broken or whose problem is gone.
/// </remarks>
public static partial class PageText
{
    /// <summary>The problem is cut down to this many characters before the host is touched.</summary>
    public const int MinProblem = 24;

    /// <summary>The host is cut down to this many characters before parts are dropped.</summary>
    public const int MinHost = 12;

    // Zabbix names can be 2 KB long; no page carries more of one than this.
    private const int MaxProblem = 480;

    /// <summary>
    /// One page by SMS: level, customer, host, problem, ticket number and how to acknowledge
    /// (<c>L1 NC srv-nc-web1: Disk full on /var. #1234 Reply ACK 1234 or tap https://…</c>), fitted to
    /// as few segments as possible (see the remarks on <see cref="PageText"/>).
    /// </summary>
    public static string Sms(PageSubject subject, PageLanguage language, string? ackLink)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var sms = new SmsShape(
            language,
            subject.Level.ToString(),
            Clean(subject.Customer, language),
            Clean(subject.Host, language),
            Cap(Clean(subject.Problem, language)),
            subject.TicketNumber.Trim(),
            string.IsNullOrWhiteSpace(ackLink) ? null : ackLink.Trim());
        for (var segments = 1; ; segments++)
        {
            if (Fit(sms, segments) is { } text)
            {
                return text;
            }
        }
    }

    /// <summary>The best text within <paramref name="segments"/> segments, or null when even the bare minimum needs more.</summary>
    private static string? Fit(SmsShape sms, int segments)
    {
        bool Fits(string text) => Measure(text).Segments <= segments;

        var (customer, host, problem) = (sms.Customer, sms.Host, sms.Problem);
        var full = sms.Render(customer, host, problem, problemCut: false, hostCut: false);
        if (Fits(full))
        {
            return full;
        }

        // The problem first, down to MinProblem characters …
        var minProblem = Math.Min(MinProblem, problem.Length);
        if (Longest(problem.Length - 1, minProblem, k => sms.Render(customer, host, Cut(problem, k), problemCut: true, hostCut: false), Fits) is { } cutProblem)
        {
            return cutProblem;
        }

        // … then the host, keeping its start (the customer) and its end (the function) …
        var shortProblem = Cut(problem, minProblem);
        var problemCut = minProblem < problem.Length;
        var minHost = Math.Min(MinHost, host.Length);
        if (Longest(host.Length - 1, minHost, h => sms.Render(customer, host, shortProblem, problemCut, hostCut: true, hostLength: h), Fits) is { } cutHost)
        {
            return cutHost;
        }

        // … then the rest of the problem, the host and the customer.
        var shortHost = host.Length > minHost;
        if (Longest(minProblem - 1, 0, k => sms.Render(customer, host, Cut(problem, k), problemCut: k > 0, shortHost, hostLength: minHost), Fits) is { } shorter)
        {
            return shorter;
        }

        string[] bare = [sms.Render(customer, "", "", problemCut: false, hostCut: false), sms.Render("", "", "", problemCut: false, hostCut: false)];
        return bare.FirstOrDefault(Fits);
    }

    /// <summary>
    /// The text for the largest length from <paramref name="from"/> down to <paramref name="to"/> that
    /// fits. Fitting only gets easier as the length goes down (fewer characters, and GSM-7 wherever
    /// the longer text was), so a binary search finds the same length as trying each one in turn, in
    /// a handful of renders: trying each one rendered hundreds of candidate texts for every page with
    /// a link, about 150 KB of garbage before the send.
    /// </summary>
    internal static string? Longest(int from, int to, Func<int, string> render, Func<string, bool> fits)
    {
        string? longest = null;
        var (low, high) = (to, from);
        while (low <= high)
        {
            var length = low + ((high - low) / 2);
            var text = render(length);
            if (fits(text))
            {
                longest = text;
                low = length + 1;
            }
            else
            {
                high = length - 1;
            }
        }

        return longest;
    }

    /// <summary>The first <paramref name="length"/> characters, never half a surrogate pair, without trailing spaces.</summary>
    private static string Cut(string text, int length)
    {
        if (length >= text.Length)
        {
            return text;
        }

        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length].TrimEnd();
    }

    private static string Cap(string problem) => problem.Length <= MaxProblem ? problem : Cut(problem, MaxProblem);

    /// <summary>
    /// Keeps the start and the end of a name (<c>srv-nc-…-web01</c>), <paramref name="length"/>
    /// characters in all, with <paramref name="ellipsis"/> between.
    /// </summary>
    private static string ElideMiddle(string text, int length, string ellipsis)
    {
        if (length >= text.Length)
        {
            return text;
        }

        var head = Cut(text, (length + 1) / 2);
        var tailLength = length - head.Length;
        var tail = text[(text.Length - tailLength)..];
        if (tail.Length > 0 && char.IsLowSurrogate(tail[0]))
        {
            tail = tail[1..];
        }

        return head + ellipsis + tail;
    }

    /// <summary>
    /// The parts of one SMS, cleaned; renders a candidate text with "..." while it stays GSM-7 and
    /// with the one-character "…" once it is UCS-2 anyway.
    /// </summary>
    private sealed record SmsShape(PageLanguage Language, string Level, string Customer, string Host, string Problem, string Ticket, string? Link)
    {
        public string Render(string customer, string host, string problem, bool problemCut, bool hostCut, int hostLength = 0)
        {
            var gsm = Compose(customer, host, problem, problemCut, hostCut, hostLength, "...");
            return IsGsm7(gsm) ? gsm : Compose(customer, host, problem, problemCut, hostCut, hostLength, "…");
        }

        private string Compose(string customer, string host, string problem, bool problemCut, bool hostCut, int hostLength, string ellipsis)
        {
            var head = string.Join(' ', new[] { Level, customer, hostCut ? ElideMiddle(host, hostLength, ellipsis) : host }.Where(p => p.Length > 0));
            var chinese = Language == PageLanguage.Chinese;
            var said = problem.Length == 0 ? "" : problem + (problemCut ? ellipsis : Stop(problem, chinese));
            return chinese
                ? $"{head}{(said.Length > 0 ? "：" + said : " ")}工单{Ticket} 回复ACK {Ticket}确认{(Link is null ? "" : "或点 " + Link)}"
                : $"{head}{(said.Length > 0 ? ": " + said : "")} #{Ticket} Reply ACK {Ticket}{(Link is null ? "" : " or tap " + Link)}";
        }

        private static string Stop(string problem, bool chinese) =>
            problem[^1] is '.' or '!' or '?' or '。' or '！' or '？' ? "" : chinese ? "。" : ".";
    }
}

using System.Globalization;
using System.Text;
using AlertEngine.Tickets;

namespace AlertEngine.Paging;

/// <summary>The words a call speaks.</summary>
public static partial class PageText
{
    // About ten seconds of speech; a longer problem is cut at a word.
    private const int MaxSpokenProblem = 160;

    /// <summary>
    /// What a call says once (saying it twice is the caller's job): <c>Level 1 alert. Customer NC.
    /// Host srv nc web1. Disk full on /var. Ticket 1 2 3 4. Press 1 to acknowledge.</c> The host's
    /// dashes and underscores become pauses rather than "minus"; the ticket number is read digit by
    /// digit; a problem longer than about ten seconds of speech is cut at a word. The last sentence
    /// only when <paramref name="keyPressAcknowledges"/>.
    /// </summary>
    public static string Spoken(PageSubject subject, PageLanguage language, bool keyPressAcknowledges)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var chinese = language == PageLanguage.Chinese;
        var customer = Clean(subject.Customer, language);
        var host = SpokenHost(Clean(subject.Host, language));
        var problem = SpokenProblem(Clean(subject.Problem, language), chinese);
        var ticket = string.Join(' ', subject.TicketNumber.Trim().ToCharArray());

        var sentences = new List<string>(6);
        if (chinese)
        {
            sentences.Add($"{SpokenLevel(subject.Level, chinese)}告警。");
            Add(sentences, customer, "客户 {0}。");
            Add(sentences, host, "主机 {0}。");
            Add(sentences, problem, problem.Length > 0 && problem[^1] is '。' or '！' or '？' or '.' or '!' or '?' ? "{0}" : "{0}。");
            sentences.Add($"工单 {ticket}。");
            if (keyPressAcknowledges)
            {
                sentences.Add("按1确认。");
            }

            return string.Concat(sentences);
        }

        sentences.Add($"{SpokenLevel(subject.Level, chinese)} alert.");
        Add(sentences, customer, "Customer {0}.");
        Add(sentences, host, "Host {0}.");
        Add(sentences, problem, problem.Length > 0 && problem[^1] is '.' or '!' or '?' ? "{0}" : "{0}.");
        sentences.Add($"Ticket {ticket}.");
        if (keyPressAcknowledges)
        {
            sentences.Add("Press 1 to acknowledge.");
        }

        return string.Join(' ', sentences);
    }

    private static string SpokenProblem(string problem, bool chinese)
    {
        if (problem.Length <= MaxSpokenProblem)
        {
            return problem;
        }

        var cut = Cut(problem, MaxSpokenProblem);
        var space = cut.LastIndexOf(' ');
        return (space > MaxSpokenProblem / 2 ? cut[..space] : cut).TrimEnd(',', ';', ':', ' ') + (chinese ? "…" : "...");
    }

    private static void Add(List<string> sentences, string value, string format)
    {
        if (value.Length > 0)
        {
            sentences.Add(string.Format(CultureInfo.InvariantCulture, format, value));
        }
    }

    private static string SpokenLevel(SupportLevel level, bool chinese) => (level, chinese) switch
    {
        (SupportLevel.L1, true) => "一级",
        (SupportLevel.L2, true) => "二级",
        (SupportLevel.L3, true) => "三级",
        (SupportLevel.L4, true) => "四级",
        (_, true) => $"{(int)level}级",
        _ => $"Level {(int)level}",
    };

    /// <summary><c>srv-nc-web1</c> as <c>srv nc web1</c>: a speech engine reads a dash as "minus" or "dash".</summary>
    private static string SpokenHost(string host)
    {
        var builder = new StringBuilder(host.Length);
        foreach (var c in host)
        {
            builder.Append(c is '-' or '_' ? ' ' : c);
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace AlertEngine.Paging;

/// <summary>
/// Reads an engineer's SMS reply (Twilio's inbound <c>Body</c>): <c>ACK 1234</c>, <c>ack1234</c>,
/// <c>A #1234</c>, <c>RES 1234</c>, <c>R 1234</c>, <c>resolve 1234</c>, <c>ACK ALL</c>, a bare
/// <c>1</c>, <c>确认 1234</c>, <c>确认</c>, <c>解决 1234</c>, in any case, with full-width letters
/// and digits as Chinese phone keyboards type them. Pure; never throws.
/// </summary>
public static partial class SmsReply
{
    // Longer bodies are chat, not a command.
    private const int MaxCommandLength = 64;

    /// <summary>What <paramref name="body"/> asks for, with the reason it was read so (or not understood).</summary>
    public static SmsReplyCommand Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return Unknown("empty reply");
        }

        var text = Normalise(body);
        if (text.Length > MaxCommandLength)
        {
            return Unknown($"too long for a command (over {MaxCommandLength} characters)");
        }

        if (text == "1")
        {
            return new SmsReplyCommand(SmsReplyAction.Acknowledge, null, false, "bare 1: acknowledge the one open page");
        }

        var match = Command().Match(text);
        if (!match.Success)
        {
            return Unknown($"not a command: '{Shorten(text)}'");
        }

        var verb = match.Groups["verb"].Value;
        var resolve = verb is "R" or "RES" or "RESOLVE" or "解决";
        var action = resolve ? SmsReplyAction.Resolve : SmsReplyAction.Acknowledge;
        var name = resolve ? "resolve" : "acknowledge";
        if (match.Groups["ticket"].Success)
        {
            var ticket = match.Groups["ticket"].Value;
            return new SmsReplyCommand(action, ticket, false, $"{name} ticket {ticket}");
        }

        if (match.Groups["all"].Success)
        {
            return resolve
                ? Unknown("RES ALL is not accepted: resolve tickets one by one")
                : new SmsReplyCommand(action, null, true, "acknowledge all open pages");
        }

        return resolve
            ? Unknown($"'{verb}' without a ticket number: resolve needs one")
            : new SmsReplyCommand(action, null, false, $"'{verb}' without a ticket number: acknowledge the one open page");
    }

    /// <summary>The reply to an SMS that was not understood; one segment in either language.</summary>
    public static string Help(PageLanguage language) => language == PageLanguage.Chinese
        ? "回复ACK 工单号确认，RES 工单号解决；ACK ALL确认你所有未确认的告警。"
        : "Reply ACK <ticket> or RES <ticket>; ACK ALL for all your open pages.";

    private static SmsReplyCommand Unknown(string reason) => new(SmsReplyAction.Unknown, null, false, reason);

    /// <summary>Full-width forms to ASCII, upper case, single spaces, no trailing full stop; at most one character past the limit.</summary>
    private static string Normalise(string body)
    {
        var builder = new StringBuilder(MaxCommandLength + 1);
        foreach (var c in body)
        {
            // U+FF01..U+FF5E mirror ASCII 0x21..0x7E; U+3000 is the ideographic space.
            var ascii = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                _ => c,
            };
            if (char.IsWhiteSpace(ascii) || char.IsControl(ascii))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (builder.Length <= MaxCommandLength)
            {
                builder.Append(char.ToUpperInvariant(ascii));
            }
            else
            {
                break;
            }
        }

        return builder.ToString().TrimEnd().TrimEnd('.', '!', '。', '！').TrimEnd();
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    // Longest verbs first, so that "ACK" is not read as "A" + "CK".
    [GeneratedRegex(
        @"^(?<verb>ACKNOWLEDGE|ACK|A|RESOLVE|RES|R|确认|解决) ?(?:#? ?(?<ticket>[0-9]{1,9})|(?<all>ALL))?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Command();
}

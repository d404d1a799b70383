using System.Buffers;
using System.Text;

namespace AlertEngine.Paging;

/// <summary>The SMS alphabets: which characters GSM-7 carries, and how many segments a body takes.</summary>
public static partial class PageText
{
    /// <summary>Septets in a single GSM-7 SMS.</summary>
    public const int Gsm7Single = 160;

    /// <summary>Septets per part of a split GSM-7 SMS (the rest carries the concatenation header).</summary>
    public const int Gsm7Part = 153;

    /// <summary>UTF-16 code units in a single UCS-2 SMS.</summary>
    public const int Ucs2Single = 70;

    /// <summary>UTF-16 code units per part of a split UCS-2 SMS.</summary>
    public const int Ucs2Part = 67;

    // The GSM 03.38 default alphabet (without the escape code) and its extension table, whose
    // characters take an escape and a septet: two septets each.
    private static readonly SearchValues<char> GsmBasic = SearchValues.Create(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
        + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");

    private static readonly SearchValues<char> GsmExtension = SearchValues.Create("\f^{}\\[~]|€");

    /// <summary>
    /// How <paramref name="text"/> goes out as SMS: GSM-7 when every character allows it, else UCS-2;
    /// its length in that encoding's units and its segments. A split message never cuts an extension
    /// character's escape pair or a surrogate pair in two, as phones and Twilio keep them whole.
    /// </summary>
    public static SmsEncoding Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var gsm = IsGsm7(text);
        var units = 0;
        var segments = text.Length == 0 ? 0 : 1;
        var inPart = 0;
        var single = gsm ? Gsm7Single : Ucs2Single;
        var part = gsm ? Gsm7Part : Ucs2Part;
        var total = gsm ? Septets(text) : text.Length;
        if (total <= single)
        {
            return new SmsEncoding(gsm, total, segments);
        }

        for (var i = 0; i < text.Length; i++)
        {
            var width = gsm
                ? (GsmExtension.Contains(text[i]) ? 2 : 1)
                : (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1);
            if (!gsm && width == 2)
            {
                i++;
            }

            if (inPart + width > part)
            {
                segments++;
                inPart = 0;
            }

            inPart += width;
            units += width;
        }

        return new SmsEncoding(gsm, units, segments);
    }

    /// <summary>True when every character of <paramref name="text"/> is in GSM-7 or its extension table.</summary>
    public static bool IsGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (!GsmBasic.Contains(c) && !GsmExtension.Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Septets(string text)
    {
        var septets = 0;
        foreach (var c in text)
        {
            septets += GsmExtension.Contains(c) ? 2 : 1;
        }

        return septets;
    }

    /// <summary>
    /// Free text as a page carries it: one line, single spaces; in English texts the common
    /// typographic look-alikes (curly quotes, dashes, the ellipsis, odd spaces) become their GSM-7
    /// equivalents, so that one of them does not switch the whole SMS to UCS-2 and halve its room.
    /// </summary>
    internal static string Clean(string? text, PageLanguage language)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            var lookAlike = language == PageLanguage.English ? GsmLookAlike(c) : null;
            if (lookAlike is null)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(lookAlike);
            }
        }

        return builder.ToString();
    }

    private static string? GsmLookAlike(char c) => c switch
    {
        '‘' or '’' or '‚' or '‛' or '′' => "'",
        '“' or '”' or '„' or '‟' or '″' or '«' or '»' => "\"",
        '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' => "-",
        '…' => "...",
        _ => null,
    };
}

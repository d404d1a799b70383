using System.Xml.Linq;
using Twilio.TwiML;
using Twilio.TwiML.Voice;
using TwilioHttpMethod = Twilio.Http.HttpMethod;

namespace AlertEngine.Paging.Twilio;

/// <summary>
/// The TwiML of a page call and of the answer to a key press: the words spoken twice in the
/// person's language inside a one-key <c>&lt;Gather&gt;</c> that posts to the key-press action,
/// then a goodbye when no key was pressed.
/// </summary>
internal static class CallTwiml
{
    /// <summary>Twilio refuses inline TwiML longer than this (reference C3).</summary>
    public const int MaxLength = 4000;

    /// <summary>Seconds Twilio waits for the key after the words end.</summary>
    public const int GatherTimeoutSeconds = 8;

    /// <summary>How often the words are spoken.</summary>
    public const int SpokenTimes = 2;

    /// <summary>The call's TwiML, at most <see cref="MaxLength"/> characters.</summary>
    public static string Render(CallPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var twiml = Render(page.Spoken, page.Language, page.KeyPressAction);
        if (twiml.Length <= MaxLength)
        {
            return twiml;
        }

        // Twilio rejects the whole call over 4000 characters: cut the spoken words (never the
        // Gather that lets the person acknowledge) to the longest start that fits, marked with "…".
        // Escaping (&amp;) makes the rendered length grow faster than the words, so search for it.
        var (fits, tooLong) = (0, page.Spoken.Length);
        while (tooLong - fits > 1)
        {
            var middle = (fits + tooLong) / 2;
            if (Render(Cut(page.Spoken, middle), page.Language, page.KeyPressAction).Length <= MaxLength)
            {
                fits = middle;
            }
            else
            {
                tooLong = middle;
            }
        }

        return Render(Cut(page.Spoken, fits), page.Language, page.KeyPressAction);
    }

    /// <summary>The answer to a key press: <c>&lt;Response&gt;&lt;Say&gt;…&lt;/Say&gt;&lt;/Response&gt;</c>.</summary>
    public static string Reply(string text, PageLanguage language) =>
        Text(new VoiceResponse().Append(Spoken(text, language, loop: 1)));

    private static string Render(string spoken, PageLanguage language, Uri? keyPressAction)
    {
        var response = new VoiceResponse();
        if (keyPressAction is null)
        {
            return Text(response.Append(Spoken(spoken, language, SpokenTimes)));
        }

        var gather = new Gather(numDigits: 1, timeout: GatherTimeoutSeconds, action: keyPressAction, method: TwilioHttpMethod.Post);
        gather.Append(Spoken(spoken, language, SpokenTimes));
        return Text(response.Append(gather).Append(Spoken(NoKeyPressed(language), language, loop: 1)));
    }

    private static string Cut(string spoken, int length) =>
        spoken[..(length > 0 && char.IsHighSurrogate(spoken[length - 1]) ? length - 1 : length)].TrimEnd() + "…";

    private static string NoKeyPressed(PageLanguage language) =>
        language == PageLanguage.Chinese ? "未按键，再见" : "No key pressed, goodbye.";

    private static Say Spoken(string text, PageLanguage language, int loop) =>
        new(text, loop: loop, language: language == PageLanguage.Chinese ? Say.LanguageEnum.ZhCn : Say.LanguageEnum.EnUs);

    /// <summary>The document without the XML declaration, on one line.</summary>
    internal static string Text(TwiML twiml) => twiml.ToString(SaveOptions.DisableFormatting).Replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", string.Empty, StringComparison.Ordinal);
}

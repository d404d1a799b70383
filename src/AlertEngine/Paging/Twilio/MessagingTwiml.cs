using Twilio.TwiML;
using Twilio.TwiML.Messaging;

namespace AlertEngine.Paging.Twilio;

/// <summary>The TwiML answers to an inbound SMS: nothing (<c>&lt;Response/&gt;</c>) or one reply message.</summary>
internal static class MessagingTwiml
{
    /// <summary><c>&lt;Response/&gt;</c>: Twilio sends nothing back.</summary>
    public static string Empty() => "<Response/>";

    /// <summary><c>&lt;Response&gt;&lt;Message&gt;…&lt;/Message&gt;&lt;/Response&gt;</c>: Twilio replies with this text.</summary>
    public static string Reply(string text) => CallTwiml.Text(new MessagingResponse().Append(new Message(text)));
}

namespace AlertEngine.Paging;

/// <summary>What an engineer's SMS reply asks for.</summary>
public enum SmsReplyAction
{
    /// <summary><c>ACK 1234</c>, <c>ACK ALL</c>, a bare <c>1</c>, <c>确认 1234</c>.</summary>
    Acknowledge,

    /// <summary><c>RES 1234</c>, <c>解决 1234</c>.</summary>
    Resolve,

    /// <summary>Anything else: answered with <see cref="SmsReply.Help"/>.</summary>
    Unknown,
}

namespace AlertEngine.Paging;

/// <summary>How a page reaches a person: an SMS or a phone call.</summary>
public enum PageChannel
{
    Sms,
    Call,
}

/// <summary>Names of <see cref="PageChannel"/> as rule files, outbox kinds and the API write them.</summary>
public static class PageChannelNames
{
    public static string ToName(this PageChannel channel) => channel == PageChannel.Call ? "call" : "sms";

    /// <summary>The outbox kind of a page on this channel: <c>page.sms</c> or <c>page.call</c>.</summary>
    public static string ToOutboxKind(this PageChannel channel) => "page." + channel.ToName();

    public static bool TryParse(string? text, out PageChannel channel)
    {
        channel = PageChannel.Sms;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "sms":
                return true;
            case "call":
                channel = PageChannel.Call;
                return true;
            default:
                return false;
        }
    }
}

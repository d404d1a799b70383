using System.Xml.Linq;
using AlertEngine.Paging;
using AlertEngine.Paging.Twilio;

namespace AlertEngine.UnitTests.Paging.Twilio;

/// <summary>The TwiML of a page call, of the key-press answer and of SMS replies.</summary>
public sealed class CallTwimlTests
{
    private static readonly Uri KeyPress = new("https://engine.example/twilio/voice/keypress?page=42&t=abc");

    [Fact]
    public void Render_WithKeyPressAction_GathersOneKeyAndSaysGoodbye()
    {
        var twiml = XElement.Parse(CallTwiml.Render(new CallPage("+8613800138000", "L1 disaster on srv-nc-web1. Press 1 to acknowledge.", PageLanguage.English, KeyPress, null)));

        var gather = Assert.Single(twiml.Elements("Gather"));
        Assert.Equal("1", (string?)gather.Attribute("numDigits"));
        Assert.Equal("8", (string?)gather.Attribute("timeout"));
        Assert.Equal(KeyPress.AbsoluteUri, (string?)gather.Attribute("action"));
        Assert.Equal("POST", (string?)gather.Attribute("method"));
        var say = Assert.Single(gather.Elements("Say"));
        Assert.Equal("en-US", (string?)say.Attribute("language"));
        Assert.Equal("2", (string?)say.Attribute("loop"));
        Assert.Equal("L1 disaster on srv-nc-web1. Press 1 to acknowledge.", say.Value);
        var goodbye = twiml.Elements("Say").Single();
        Assert.Equal("No key pressed, goodbye.", goodbye.Value);
    }

    [Fact]
    public void Render_Chinese_SaysInZhCnWithChineseGoodbye()
    {
        var twiml = XElement.Parse(CallTwiml.Render(new CallPage("+8613800138000", "一级告警", PageLanguage.Chinese, KeyPress, null)));

        Assert.Equal("zh-CN", (string?)twiml.Element("Gather")!.Element("Say")!.Attribute("language"));
        Assert.Equal("未按键，再见", twiml.Elements("Say").Single().Value);
        Assert.Equal("zh-CN", (string?)twiml.Elements("Say").Single().Attribute("language"));
    }

    [Fact]
    public void Render_WithoutKeyPressAction_OnlySays()
    {
        var twiml = XElement.Parse(CallTwiml.Render(new CallPage("+8613800138000", "L2 high", PageLanguage.English, null, null)));

        Assert.Empty(twiml.Elements("Gather"));
        Assert.Equal("L2 high", Assert.Single(twiml.Elements("Say")).Value);
    }

    [Fact]
    public void Render_SpokenTextWithMarkup_IsEscaped()
    {
        var text = CallTwiml.Render(new CallPage("+8613800138000", "disk <90% & rising", PageLanguage.English, KeyPress, null));

        Assert.Contains("disk &lt;90% &amp; rising", text, StringComparison.Ordinal);
        Assert.Equal("disk <90% & rising", XElement.Parse(text).Element("Gather")!.Element("Say")!.Value);
        Assert.Contains("page=42&amp;t=abc", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HasNoXmlDeclaration()
    {
        var text = CallTwiml.Render(new CallPage("+8613800138000", "x", PageLanguage.English, null, null));

        Assert.StartsWith("<Response>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_VeryLongSpokenText_CutToTwilioLimitKeepingTheGather()
    {
        var spoken = string.Concat(Enumerable.Repeat("a & b ", 2000));

        var text = CallTwiml.Render(new CallPage("+8613800138000", spoken, PageLanguage.English, KeyPress, null));

        Assert.True(text.Length is <= CallTwiml.MaxLength and > CallTwiml.MaxLength - 10, $"{text.Length} characters");
        var gather = XElement.Parse(text).Element("Gather")!;
        Assert.EndsWith("…", gather.Element("Say")!.Value, StringComparison.Ordinal);
        Assert.Equal(KeyPress.AbsoluteUri, (string?)gather.Attribute("action"));
    }

    [Fact]
    public void Reply_SaysTheTextInTheLanguage()
    {
        var reply = XElement.Parse(CallTwiml.Reply("已确认 <ok>", PageLanguage.Chinese));

        var say = Assert.Single(reply.Elements("Say"));
        Assert.Equal("已确认 <ok>", say.Value);
        Assert.Equal("zh-CN", (string?)say.Attribute("language"));
    }

    [Fact]
    public void MessagingEmpty_IsAnEmptyResponse()
    {
        Assert.Equal("<Response/>", MessagingTwiml.Empty());
    }

    [Fact]
    public void MessagingReply_HoldsOneEscapedMessage()
    {
        var reply = MessagingTwiml.Reply("ACK 1234 done & <ok>");

        Assert.Contains("&amp; &lt;ok&gt;", reply, StringComparison.Ordinal);
        Assert.Equal("ACK 1234 done & <ok>", Assert.Single(XElement.Parse(reply).Elements("Message")).Value);
    }
}

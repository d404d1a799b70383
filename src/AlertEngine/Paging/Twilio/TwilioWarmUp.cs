using Microsoft.Extensions.Hosting;
using Twilio.Rest.Api.V2010.Account;

namespace AlertEngine.Paging.Twilio;

/// <summary>
/// At start, in the background, builds the page gateway and runs the Twilio library's request and
/// reply paths once without sending anything (the JSON of a message and a call, the TwiML of a
/// call, the page texts): the first page after a start would otherwise pay about half a second of
/// just-in-time compiling, and that first page may be a disaster.
/// </summary>
internal sealed class TwilioWarmUp(IPageGateway gateway) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(WarmUp, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void WarmUp()
    {
        if (gateway is not TwilioPageGateway)
        {
            return;
        }

        try
        {
            Run();
        }
#pragma warning disable CA1031 // A warm-up that fails changes nothing: the first page just pays the compile time.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static void Run()
    {
        var subject = new PageSubject("1001", Tickets.SupportLevel.L1, "acme", "srv-acme-web1", "warm-up");
        _ = PageText.Sms(subject, PageLanguage.English, "https://alertengine.example.com/a/x");
        _ = PageText.Sms(subject, PageLanguage.Chinese, null);
        _ = CallTwiml.Render(new CallPage("+15005550006", PageText.Spoken(subject, PageLanguage.Chinese, true), PageLanguage.Chinese, null, null));
        _ = MessageResource.FromJson("""{"sid":"SM00000000000000000000000000000000","status":"queued","num_segments":"1"}""");
        _ = CallResource.FromJson("""{"sid":"CA00000000000000000000000000000000","status":"queued"}""");
    }
}

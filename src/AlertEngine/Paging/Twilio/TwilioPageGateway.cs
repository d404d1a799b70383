using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Twilio.Clients;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace AlertEngine.Paging.Twilio;

/// <summary>
/// Pages through Twilio: one SMS (<c>Messages.json</c>) or one call (<c>Calls.json</c> with inline
/// TwiML) per request, each once, inside the breaker and timeout of <see cref="TwilioResilience"/>;
/// every failure classified by <see cref="TwilioErrorClassifier"/>. The library's REST client runs
/// over the named HttpClient <see cref="HttpClientName"/>, which sends to <c>Twilio:ApiBaseUrl</c>.
/// </summary>
internal sealed partial class TwilioPageGateway : IPageGateway
{
    public const string HttpClientName = "twilio";

    /// <summary>The call events Twilio reports to the call's status callback.</summary>
    public static readonly IReadOnlyList<string> CallStatusEvents = ["initiated", "ringing", "answered", "completed"];

    private readonly TwilioOptions _options;
    private readonly TwilioRestClient _client;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger<TwilioPageGateway> _logger;

    public TwilioPageGateway(IHttpClientFactory httpClients, IOptions<TwilioOptions> options, TimeProvider time, ILogger<TwilioPageGateway> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClients);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        if (!_options.Configured)
        {
            throw new InvalidOperationException("Twilio is not configured: set Twilio:AccountSid and Twilio:AuthToken, or use the dry-run gateway");
        }

        _client = new TwilioRestClient(_options.AccountSid, _options.AuthToken, httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));
        _pipeline = TwilioResilience.Create(_options, time);
        _logger = logger;
    }

    public string Mode => "twilio";

    public Task<PageSendResult> SendSmsAsync(SmsPage sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var create = new CreateMessageOptions(new PhoneNumber(sms.To)) { Body = sms.Body, StatusCallback = sms.StatusCallback };
        if (!string.IsNullOrWhiteSpace(_options.MessagingServiceSid))
        {
            create.MessagingServiceSid = _options.MessagingServiceSid;
        }
        else
        {
            create.From = new PhoneNumber(_options.FromNumber);
        }

        return SendAsync(PageChannel.Sms, async () =>
        {
            var message = await MessageResource.CreateAsync(create, _client).ConfigureAwait(false);
            return PageSendResult.Sent(message.Sid, $"SMS accepted by Twilio ({message.Status}, {message.NumSegments ?? "1"} segment(s))");
        }, cancellationToken);
    }

    public Task<PageSendResult> PlaceCallAsync(CallPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (string.IsNullOrWhiteSpace(_options.FromNumber))
        {
            return Task.FromResult(PageSendResult.Failed("Twilio:FromNumber is not set: a call needs a Twilio number to call from (a Messaging Service only sends SMS)"));
        }

        var create = new CreateCallOptions(new PhoneNumber(page.To), new PhoneNumber(_options.FromNumber))
        {
            Twiml = new Twiml(CallTwiml.Render(page)),
            Timeout = (int)Math.Ceiling(_options.CallTimeout.TotalSeconds),
        };
        if (page.StatusCallback is { } callback)
        {
            create.StatusCallback = callback;
            create.StatusCallbackMethod = global::Twilio.Http.HttpMethod.Post;
            create.StatusCallbackEvent = [.. CallStatusEvents];
        }

        return SendAsync(PageChannel.Call, async () =>
        {
            var call = await CallResource.CreateAsync(create, _client).ConfigureAwait(false);
            return PageSendResult.Sent(call.Sid, $"call placed by Twilio ({call.Status})");
        }, cancellationToken);
    }

    /// <summary>
    /// Runs one Twilio request in the pipeline. The library takes no cancellation token, so the
    /// wait ends at the Polly timeout (the request itself ends at the HttpClient's timeout, the same).
    /// A cancelled <paramref name="cancellationToken"/> (shutdown) is thrown, not classified.
    /// </summary>
    private async Task<PageSendResult> SendAsync(PageChannel channel, Func<Task<PageSendResult>> request, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async token => await request().WaitAsync(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Every failure becomes a classified outcome for the outbox (STYLE §8); nothing may escape as an exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var result = TwilioErrorClassifier.Classify(ex, _options);
            LogRequestFailed(_logger, channel, result.Verdict, result.Text);
            return result;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio {Channel} request failed ({Verdict}): {Reason}")]
    private static partial void LogRequestFailed(ILogger logger, PageChannel channel, PageSendVerdict verdict, string reason);
}

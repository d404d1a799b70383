using System.Globalization;
using AlertEngine.Paging;
using AlertEngine.Paging.Twilio;

namespace AlertEngine.Host.Endpoints;

/// <summary>
/// Twilio's callbacks: <c>POST /api/v1/twilio/sms</c> (an engineer's SMS reply), <c>/status</c>
/// (delivery and call status) and <c>/call/{pageId}/key</c> (the key pressed on a page's call).
/// Each checks <c>X-Twilio-Signature</c> against Paging:PublicBaseUrl and the form before anything
/// in it is read (403 otherwise, nothing changes), then hands over to the <see cref="PageAcknowledger"/>.
/// Answers are TwiML.
/// </summary>
internal static class TwilioEndpoint
{
    private const string TwiMLType = "text/xml; charset=utf-8";
    private static readonly string[] Required = ["is required"];

    public static void MapTwilio(this WebApplication app)
    {
        var twilio = app.MapGroup("/api/v1/twilio").AddEndpointFilter(CheckSignatureAsync);
        twilio.MapPost("/sms", InboundSmsAsync);
        twilio.MapPost("/status", StatusAsync);
        twilio.MapPost("/call/{pageId}/key", KeyPressAsync);
    }

    private static async ValueTask<object?> CheckSignatureAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var signature = http.RequestServices.GetRequiredService<TwilioSignature>();
        var callbacks = http.RequestServices.GetRequiredService<PageCallbacks>();
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty;
        var url = callbacks.AsTwilioSees(http.Request.Path + http.Request.QueryString);
        var fields = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")));
        if (!signature.IsValid(url, fields, http.Request.Headers["X-Twilio-Signature"].FirstOrDefault()))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Invalid Twilio signature",
                detail: "X-Twilio-Signature is missing or does not match this request signed with Twilio:AuthToken for " +
                    "Paging:PublicBaseUrl; nothing was changed.");
        }

        return await next(context);
    }

    private static async Task<IResult> InboundSmsAsync(HttpRequest request, PageAcknowledger acknowledger, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        if (Missing(form, "MessageSid", "From") is { } problem)
        {
            return problem;
        }

        var reply = await acknowledger.SmsReplyAsync(form["MessageSid"]!, form["From"]!, form["Body"], cancellationToken);
        return Results.Content(MessagingTwiml.Reply(reply), TwiMLType);
    }

    private static async Task<IResult> StatusAsync(HttpRequest request, PageAcknowledger acknowledger, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var (sid, status) = form.ContainsKey("CallSid") && !form.ContainsKey("MessageSid")
            ? (form["CallSid"].ToString(), form["CallStatus"].ToString())
            : (form["MessageSid"].ToString(), form["MessageStatus"].ToString());
        if (string.IsNullOrEmpty(sid) || string.IsNullOrEmpty(status))
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["MessageSid"] = ["a status callback carries MessageSid and MessageStatus, or CallSid and CallStatus"] },
                title: "Invalid Twilio status callback");
        }

        await acknowledger.DeliveryStatusAsync(sid, status, form["ErrorCode"].FirstOrDefault(), cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> KeyPressAsync(string pageId, HttpRequest request, PageAcknowledger acknowledger, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        if (!long.TryParse(pageId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["pageId"] = ["must be a page number"] }, title: "Invalid key press callback");
        }

        if (Missing(form, "CallSid") is { } problem)
        {
            return problem;
        }

        var (spoken, language) = await acknowledger.KeyPressAsync(id, form["Digits"].FirstOrDefault(), form["CallSid"]!, cancellationToken);
        return Results.Content(CallTwiml.Reply(spoken, language), TwiMLType);
    }

    private static IResult? Missing(IFormCollection form, params string[] fields)
    {
        var missing = fields.Where(f => string.IsNullOrEmpty(form[f])).ToList();
        return missing.Count == 0 ? null : Results.ValidationProblem(
            missing.ToDictionary(f => f, f => Required),
            detail: $"{string.Join(", ", missing)} missing from Twilio's form",
            title: "Invalid Twilio callback");
    }
}

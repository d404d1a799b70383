namespace AlertEngine.Paging;

/// <summary>
/// How an SMS body travels (see <see cref="PageText.Measure"/>): in GSM-7 (160 septets in one
/// segment, 153 per part when split) or, when any character is outside GSM-7, in UCS-2 (70 code
/// units, 67 per part).
/// </summary>
/// <param name="Gsm7">True when every character is in the GSM-7 alphabet or its extension table.</param>
/// <param name="Units">Septets for GSM-7 (an extension character counts 2); UTF-16 code units for UCS-2 (a surrogate pair counts 2).</param>
/// <param name="Segments">How many SMS segments the body is sent as (0 for an empty body).</param>
public sealed record SmsEncoding(bool Gsm7, int Units, int Segments);

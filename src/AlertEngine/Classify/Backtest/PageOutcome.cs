namespace AlertEngine.Classify.Backtest;

/// <summary>
/// What a ticket's page would do when it opens, from its page policy, suppression and the time:
/// page now, hold until the next business morning, or never. Paging itself arrives with #8; this
/// compares policies.
/// </summary>
public enum PageOutcome
{
    /// <summary>Page at once (policy now, or business_hours inside business hours).</summary>
    Now,

    /// <summary>Policy business_hours outside business hours: held until the next business morning.</summary>
    Held,

    /// <summary>Policy never, or the ticket is suppressed (maintenance).</summary>
    Never,

    /// <summary>The ticket was opened before the rules recorded a page policy.</summary>
    Unknown,
}

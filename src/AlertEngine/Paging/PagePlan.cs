namespace AlertEngine.Paging;

/// <summary>
/// What the page-plan stage did for an event: how many pages it planned now, until when the first
/// page is held for business hours (null when not held), and why, in words.
/// </summary>
public sealed record PagePlan(int Pages, DateTimeOffset? HeldUntil, string Reason);

using AlertEngine.Classify;

namespace AlertEngine.Sla;

/// <summary>
/// The window of the SLA report as people give it (the API's <c>from</c>/<c>to</c>, the command's
/// <c>--from</c>/<c>--to</c>): a local time in the team's zone or an ISO instant; <c>to</c> defaults
/// to now and <c>from</c> to <see cref="Default"/> before it. One reading for both.
/// </summary>
public static class SlaWindow
{
    /// <summary>The window when <c>from</c> is not given.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromDays(30);

    /// <summary>Reads the window; false with every problem as (field, reason), the field being <c>from</c> or <c>to</c>.</summary>
    public static bool TryRead(string? from, string? to, TimeZoneInfo zone, DateTimeOffset now, out DateTimeOffset since, out DateTimeOffset until, out IReadOnlyList<(string Field, string Reason)> errors)
    {
        var problems = new List<(string Field, string Reason)>();
        until = Read(to, "to", zone, problems) ?? now;
        since = Read(from, "from", zone, problems) ?? until - Default;
        if (problems.Count == 0 && since >= until)
        {
            problems.Add(("from", "must be before to"));
        }

        errors = problems;
        return problems.Count == 0;
    }

    private static DateTimeOffset? Read(string? text, string field, TimeZoneInfo zone, List<(string Field, string Reason)> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (RuleInstant.TryParse(text, zone, out var instant))
        {
            return instant;
        }

        problems.Add((field, $"must be {RuleInstant.Accepted}, not '{text}'"));
        return null;
    }
}

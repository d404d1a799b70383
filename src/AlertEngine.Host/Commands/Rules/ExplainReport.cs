using AlertEngine.Classify;
using AlertEngine.Ingest;

namespace AlertEngine.Host.Commands.Rules;

/// <summary>
/// Prints a <see cref="RuleExplanation"/> for someone woken at 3 a.m.: the event in one line,
/// the time used, each rule in order (matched or why not, what it set), the maintenance windows,
/// and the result with the rule that set each value.
/// </summary>
internal static class ExplainReport
{
    public static void Write(TextWriter output, RuleSet rules, string source, ZabbixEvent e, RuleExplanation explanation, bool atGiven)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(explanation);
        var result = explanation.Result;
        var settings = rules.Settings;
        var zone = settings.TimeZoneOf(result.Team);
        var local = TimeZoneInfo.ConvertTime(explanation.At, zone);
        var hours = settings.IsBusinessHours(explanation.At, result.Team) ? "in business hours" : "outside business hours";

        output.WriteLine($"Event   {e.Server}:{e.EventId}  {e.Kind.ToName()}  {ZabbixSeverity.NameOf(e.Severity)}  {e.Host}  \"{e.EventName}\"");
        output.WriteLine($"        trigger {e.TriggerId}; groups {List(e.HostGroups)}; tags {List(e.Tags.Select(t => t.Value.Length == 0 ? t.Tag : $"{t.Tag}={t.Value}"))}"
            + (e.Suppressed == true ? "; Zabbix marks it suppressed" : ""));
        output.WriteLine($"Time    {RuleInstant.Format(explanation.At, zone)} {zone.Id}, {local.DayOfWeek}, {hours} ({(atGiven ? "--at" : "the event's clock")})");
        output.WriteLine($"Rules   {source}: {ValidateCommand.Plural(rules.RuleCount, "rule")}, {ValidateCommand.Plural(rules.MaintenanceCount, "maintenance window")}");

        output.WriteLine();
        output.WriteLine("Rules, in order");
        var tried = explanation.Rules;
        var notTried = rules.Rules.Skip(tried.Count).Select(r => new RuleVerdict(r.Name, r.Where, false, null, [])).ToList();
        var all = tried.Concat(notTried).ToList();
        var nameWidth = all.Count == 0 ? 0 : all.Max(v => v.Name.Length);
        var whereWidth = all.Count == 0 ? 0 : all.Max(v => v.Where.Length);
        foreach (var v in tried)
        {
            var continues = rules.Rules.FirstOrDefault(r => r.Name == v.Name)?.Continue == true;
            var what = !v.Matched ? v.WhyNot ?? "did not match"
                : (v.Set.Count == 0 ? "matched; set nothing new (earlier rules had set it)" : "set " + string.Join(", ", v.Set))
                    + (continues ? "; continues" : v.Name == result.Rule ? "   <- decides" : "");
            output.WriteLine($"  {(v.Matched ? "match" : "no   ")}  {v.Name.PadRight(nameWidth)}  {v.Where.PadRight(whereWidth)}  {what}");
        }

        foreach (var v in notTried)
        {
            output.WriteLine($"  -      {v.Name.PadRight(nameWidth)}  {v.Where.PadRight(whereWidth)}  not tried: {result.Rule} decided");
        }

        if (all.Count == 0)
        {
            output.WriteLine("  (no rules: the default map decides)");
        }

        output.WriteLine();
        output.WriteLine("Maintenance windows");
        var windowWidth = explanation.Maintenance.Count == 0 ? 0 : explanation.Maintenance.Max(v => v.Name.Length);
        foreach (var v in explanation.Maintenance)
        {
            output.WriteLine($"  {(v.Matched ? "open " : "no   ")}  {v.Name.PadRight(windowWidth)}  {v.Where}  {(v.Matched ? "matches: the ticket is suppressed" : v.WhyNot)}");
        }

        if (explanation.Maintenance.Count == 0)
        {
            output.WriteLine(rules.MaintenanceCount == 0 ? "  (none in the rules folder)" : "  (none tried)");
        }

        output.WriteLine();
        output.WriteLine("Result");
        WriteResult(output, result, tried);
    }

    private static void WriteResult(TextWriter output, Classification c, IReadOnlyList<RuleVerdict> tried)
    {
        string By(string prefix, string otherwise) =>
            tried.FirstOrDefault(v => v.Set.Any(s => s.StartsWith(prefix, StringComparison.Ordinal)))?.Name is { } rule ? $"by {rule}" : otherwise;

        var labelRules = tried.Where(v => v.Set.Any(s => s.StartsWith("label ", StringComparison.Ordinal))).Select(v => v.Name).ToList();
        var decided = tried.FirstOrDefault(v => v.Name == c.Rule);
        (string Key, string Value, string By)[] rows =
        [
            ("level", c.Level.ToString(), By("level ", "default map (no rule set a level)")),
            ("customer", c.Customer ?? "(none)", By("customer ", "no rule named one")),
            ("team", c.Team, By("team ", "default team")),
            ("correlation key", c.CorrelationKey, By("correlation key ", $"default ({RuleSet.DefaultCorrelateBy})")),
            ("page", c.Page.ToName(), By("page ", "default")),
            ("recurrence", c.Recurrence.ToString(), By("recurrence ", "default")),
            ("flapping", c.Flapping.ToString(), By("flapping ", "default")),
            ("labels", c.Labels.Count == 0 ? "(none)" : string.Join(", ", c.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")),
                labelRules.Count == 0 ? "" : $"by {string.Join(", ", labelRules)}"),
            ("ignore", c.Ignore ? "yes: stored, no ticket" : "no", By("ignore", "")),
            ("suppressed", c.SuppressedBy is { } why ? $"yes: {why}" : "no", ""),
            ("decided by", c.Rule is null ? "(no rule: every match said continue, or none matched)" : $"{c.Rule} ({decided?.Where})", ""),
        ];
        var valueWidth = rows.Where(r => r.By.Length > 0).Max(r => r.Value.Length);
        foreach (var (key, value, by) in rows)
        {
            output.WriteLine(by.Length == 0 ? $"  {key,-16} {value}" : $"  {key,-16} {value.PadRight(valueWidth)}  {by}");
        }
    }

    private static string List(IEnumerable<string> items)
    {
        var text = string.Join(", ", items);
        return text.Length == 0 ? "(none)" : text;
    }
}

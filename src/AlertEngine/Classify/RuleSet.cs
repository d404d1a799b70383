using AlertEngine.Calendar;
using AlertEngine.Ingest;
using AlertEngine.Paging;
using AlertEngine.Paging.Roster;
using AlertEngine.Sla;
using AlertEngine.Tickets;

namespace AlertEngine.Classify;

/// <summary>
/// A loaded, validated and compiled rules folder. Classifying is pure: the same event at the
/// same instant always gives the same result, with no side effects. The first matching rule
/// decides; a rule with <c>continue: true</c> lets later rules fill in what it left unset
/// (a value set by an earlier rule is never overwritten; labels are added).
/// </summary>
public sealed partial class RuleSet
{
    /// <summary>The key when no rule gives <c>correlate_by</c>: the Zabbix server and trigger.</summary>
    public const string DefaultCorrelateBy = "{server}:trigger:{trigger_id}";

    private static readonly RuleTemplate DefaultKey = RuleTemplate.Parse(new RuleYaml("(built-in)"), new YamlDotNet.RepresentationModel.YamlScalarNode(), DefaultCorrelateBy, "correlate_by")!;

    /// <summary>
    /// For each Zabbix severity 0–5 (and, last, any other number) the rules that can match it, in
    /// order: classifying skips the rules whose severity condition rules the event out.
    /// </summary>
    private readonly Rule[][] _bySeverity;
    private readonly Rule[] _all;

    internal RuleSet(IReadOnlyList<Rule> rules, IReadOnlyList<MaintenanceWindow> maintenance, RuleSettings settings, SlaTable sla, IReadOnlyList<string> files)
    {
        Sla = sla;
        _all = [.. rules];
        _bySeverity = [.. Enumerable.Range(0, 7).Select(bit => rules.Where(r => ((r.Match.Severities >> bit) & 1) == 1).ToArray())];
        Maintenance = maintenance;
        Settings = settings;
        Files = files;
    }

    internal IReadOnlyList<Rule> Rules => _all;

    internal IReadOnlyList<MaintenanceWindow> Maintenance { get; }

    public RuleSettings Settings { get; }

    /// <summary>The business calendar of the default time zone (settings, holiday files).</summary>
    public BusinessCalendar Calendar => Settings.Calendar;

    /// <summary>The SLA table (<c>sla:</c>, or the service agreement's values).</summary>
    public SlaTable Sla { get; }

    /// <summary>The on-call roster (<c>oncall:</c>, in rules/oncall.yaml); empty when the folder has none.</summary>
    public Roster Roster { get; init; } = Roster.Empty;

    /// <summary>The escalation policy of each level (<c>escalation:</c>, in rules/escalation.yaml; the defaults for a level left out).</summary>
    public EscalationPolicies Escalation { get; init; } = EscalationPolicies.Defaults;

    /// <summary>The files the set was loaded from, in the order they were read.</summary>
    public IReadOnlyList<string> Files { get; }

    public int RuleCount => Rules.Count;

    public int MaintenanceCount => Maintenance.Count;

    /// <summary>Classifies the event as of <paramref name="at"/> (default: when the problem started in Zabbix).</summary>
    public Classification Classify(ZabbixEvent e, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Evaluate(e, at ?? e.ProblemAt, null, null);
    }

    /// <summary>Classifies the event and says, rule by rule, why.</summary>
    public RuleExplanation Explain(ZabbixEvent e, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var when = at ?? e.ProblemAt;
        var rules = new List<RuleVerdict>();
        var windows = new List<RuleVerdict>();
        var result = Evaluate(e, when, rules, windows);
        return new RuleExplanation(when, rules, windows, result);
    }

    private Classification Evaluate(ZabbixEvent e, DateTimeOffset at, List<RuleVerdict>? trace, List<RuleVerdict>? windowTrace)
    {
        var input = new RuleInput(e, at, Settings);
        var result = new Decision();

        // An explanation lists every rule; a classification only tries those that can match the severity.
        var rules = trace is null ? _bySeverity[e.Severity is >= 0 and <= 5 ? e.Severity : 6] : _all;
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if (!rule.Match.Matches(input))
            {
                trace?.Add(new RuleVerdict(rule.Name, rule.Where, false, rule.Match.Mismatch(input), []));
                continue;
            }

            var set = result.Apply(rule, input, trace is not null);
            trace?.Add(new RuleVerdict(rule.Name, rule.Where, true, null, set));
            if (!rule.Continue)
            {
                result.DecidedBy = rule.Name;
                break;
            }
        }

        var suppressedBy = SuppressedBy(input, e, windowTrace);
        return result.Finish(input, suppressedBy);
    }

    private string? SuppressedBy(RuleInput input, ZabbixEvent e, List<RuleVerdict>? trace)
    {
        foreach (var window in Maintenance)
        {
            if (!window.IsOpen(input.At, Settings))
            {
                trace?.Add(new RuleVerdict(window.Name, window.Where, false, $"not open at that time ({window.Describe(Settings)})", []));
                continue;
            }

            if (!window.Match.Matches(input))
            {
                trace?.Add(new RuleVerdict(window.Name, window.Where, false, window.Match.Mismatch(input), []));
                continue;
            }

            trace?.Add(new RuleVerdict(window.Name, window.Where, true, null, ["suppressed"]));
            return $"maintenance window '{window.Name}' ({window.Describe(Settings)})";
        }

        return e.Suppressed == true ? "Zabbix maintenance (Zabbix marks the problem suppressed)" : null;
    }

    /// <summary>What the rules have set so far, and by which rule.</summary>
    private sealed class Decision
    {
        private Dictionary<string, string>? _labels;

        public SupportLevel? Level { get; private set; }
        public string? LevelBy { get; private set; }
        public string? CustomerBy { get; private set; }
        public string? TeamBy { get; private set; }
        public string? Key { get; private set; }
        public RecurrencePolicy? Recurrence { get; private set; }
        public FlappingPolicy? Flapping { get; private set; }
        public PagePolicy? Page { get; private set; }
        public string? PageBy { get; private set; }
        public bool? Ignore { get; private set; }
        public string? IgnoreBy { get; private set; }
        public string? DecidedBy { get; set; }

        public List<string> Apply(Rule rule, RuleInput input, bool describe)
        {
            var set = describe ? new List<string>() : null;
            var r = rule.Results;
            var captures = r.UsesCaptures ? rule.Match.Captures(input) : null;
            if (Level is null && r.Level is { } level)
            {
                (Level, LevelBy) = (level, rule.Name);
                set?.Add($"level {level}");
            }

            if (input.Customer is null && r.Customer is not null && r.Customer.Render(input, captures) is { Length: > 0 } customer)
            {
                (input.Customer, CustomerBy) = (customer, rule.Name);
                set?.Add($"customer {customer}");
            }

            if (input.Team is null && r.Team is { } team)
            {
                (input.Team, TeamBy) = (team, rule.Name);
                set?.Add($"team {team}");
            }

            if (Key is null && r.CorrelateBy is not null)
            {
                Key = r.CorrelateBy.Render(input, captures);
                set?.Add($"correlation key {Key}");
            }

            if (Recurrence is null && r.Recurrence is { } recurrence)
            {
                Recurrence = recurrence;
                set?.Add($"recurrence {recurrence}");
            }

            if (Flapping is null && r.Flapping is { } flapping)
            {
                Flapping = flapping;
                set?.Add($"flapping {flapping}");
            }

            if (Page is null && r.Page is { } page)
            {
                (Page, PageBy) = (page, rule.Name);
                set?.Add($"page {page.ToName()}");
            }

            if (Ignore is null && r.Ignore is { } ignore)
            {
                (Ignore, IgnoreBy) = (ignore, rule.Name);
                set?.Add(ignore ? "ignore" : "not ignored");
            }

            foreach (var (name, template) in r.Labels)
            {
                _labels ??= new Dictionary<string, string>(StringComparer.Ordinal);
                var value = template.Render(input, captures);
                if (_labels.TryAdd(name, value))
                {
                    set?.Add($"label {name}={value}");
                }
            }

            return set ?? [];
        }

        public Classification Finish(RuleInput input, string? suppressedBy)
        {
            var e = input.Event;
            var level = Level ?? DefaultLevelMap.LevelFor(e.Severity);
            var page = Page ?? PagePolicy.Now;
            var team = input.TeamOrDefault;
            var reason = $"{level} by {By(LevelBy, "the default map (no rule set a level)")}; "
                + $"customer {input.Customer ?? "unknown"}{(CustomerBy is null ? "" : $" by rule '{CustomerBy}'")}; "
                + $"team {team}{(TeamBy is null ? " (default)" : $" by rule '{TeamBy}'")}; "
                + $"page {page.ToName()}{(PageBy is null ? " (default)" : $" by rule '{PageBy}'")}"
                + (Ignore == true ? $"; ignored by rule '{IgnoreBy}'" : "")
                + (suppressedBy is null ? "" : $"; suppressed by {suppressedBy}");
            return new Classification(level, input.Customer, team, Key ?? DefaultKey.Render(input, null), reason)
            {
                Rule = DecidedBy,
                Page = page,
                Recurrence = Recurrence ?? RecurrencePolicy.Off,
                Flapping = Flapping ?? FlappingPolicy.Default,
                Labels = _labels ?? (IReadOnlyDictionary<string, string>)EmptyLabels,
                Ignore = Ignore == true,
                SuppressedBy = suppressedBy,
            };
        }

        private static string By(string? rule, string otherwise) => rule is null ? otherwise : $"rule '{rule}'";
    }

    private static readonly Dictionary<string, string> EmptyLabels = new(StringComparer.Ordinal);
}

using System.Globalization;
using AlertEngine.Paging;
using AlertEngine.Tickets;
using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>
/// Reads <c>escalation:</c> (at most once in the folder; <c>rules/escalation.yaml</c>): per level
/// <c>repeat</c> (0–10) and <c>steps</c>, each <c>after</c> (a duration from the page time) or
/// <c>at: respond_deadline</c>, <c>notify</c> (on_duty, next_in_rotation, senior, manager,
/// person:&lt;id&gt;) and <c>channels</c> (sms, call). A level left out keeps its default.
/// </summary>
internal sealed class EscalationSection(IReadOnlyCollection<string> personIds)
{
    public const int MaxRepeat = 10;
    private const string RespondDeadline = "respond_deadline";

    private static readonly string[] Keys = ["L1", "L2", "L3", "L4"];
    private static readonly string[] PolicyKeys = ["repeat", "steps"];
    private static readonly string[] StepKeys = ["after", "at", "notify", "channels"];

    private readonly Dictionary<SupportLevel, EscalationPolicy> _policies = [];
    private string? _where;

    public EscalationPolicies Build() => _policies.Count == 0 ? EscalationPolicies.Defaults : new EscalationPolicies(_policies);

    public void Read(RuleYaml yaml, YamlNode node)
    {
        if (_where is not null)
        {
            yaml.Error(node, $"the escalation policies are already given at {_where}: keep them in one file");
            return;
        }

        _where = $"{yaml.File}:{RuleYaml.Line(node)}";
        foreach (var (key, value) in yaml.Mapping(node, "escalation", Keys) ?? [])
        {
            var level = Enum.Parse<SupportLevel>(key);
            if (ReadPolicy(yaml, value, level) is { } policy)
            {
                _policies[level] = policy;
            }
        }
    }

    private EscalationPolicy? ReadPolicy(RuleYaml yaml, YamlNode node, SupportLevel level)
    {
        var what = $"escalation {level}";
        var entries = yaml.Mapping(node, what, PolicyKeys);
        if (entries is null)
        {
            return null;
        }

        var errorsBefore = yaml.Errors.Count;
        var repeat = entries.TryGetValue("repeat", out var repeatNode) ? ReadRepeat(yaml, repeatNode, what) : 0;
        var steps = new List<EscalationStep>();
        if (!entries.TryGetValue("steps", out var stepsNode))
        {
            yaml.Error(node, $"{what} needs steps (leave the level out to keep its default)");
        }
        else
        {
            var items = yaml.List(stepsNode, $"{what} steps");
            if (stepsNode is YamlSequenceNode && items.Count == 0)
            {
                yaml.Error(stepsNode, $"{what} steps is empty: give at least one step");
            }

            TimeSpan? latest = null;
            foreach (var item in items)
            {
                if (ReadStep(yaml, item, $"{what} step {(steps.Count + 1).ToString(CultureInfo.InvariantCulture)}", steps.Count) is not { } step)
                {
                    continue;
                }

                if (step.After is { } after && latest is { } before && after < before)
                {
                    yaml.Error(item, $"{what}: steps must be in order of after: {RuleDuration.Format(after)} comes after {RuleDuration.Format(before)}");
                }

                latest = step.After ?? latest;
                steps.Add(step);
            }
        }

        return yaml.Errors.Count > errorsBefore || repeat is null ? null : new EscalationPolicy(level, steps, repeat.Value);
    }

    private EscalationStep? ReadStep(RuleYaml yaml, YamlNode node, string what, int index)
    {
        var entries = yaml.Mapping(node, $"an {what}", StepKeys);
        if (entries is null)
        {
            return null;
        }

        var errorsBefore = yaml.Errors.Count;
        var hasAfter = entries.TryGetValue("after", out var afterNode);
        var hasAt = entries.TryGetValue("at", out var atNode);
        if (hasAfter == hasAt)
        {
            yaml.Error(node, $"{what} needs either after (a duration from the page, e.g. 5m) or at: {RespondDeadline}, not {(hasAfter ? "both" : "neither")}");
        }

        TimeSpan? after = hasAfter ? ReadAfter(yaml, afterNode!, what) : null;
        if (hasAt && yaml.Text(atNode!, $"{what} at")?.Trim() is { } at && at != RespondDeadline)
        {
            yaml.Error(atNode!, $"{what} at must be {RespondDeadline} (the ticket's respond-by deadline), not '{at}'");
        }

        var targets = new List<PageTarget>();
        if (!entries.TryGetValue("notify", out var notifyNode))
        {
            yaml.Error(node, $"{what} needs notify: whom to page ({string.Join(", ", PageTarget.RoleNames)} or person:<id>)");
        }
        else
        {
            foreach (var item in RuleYaml.OneOrMany(notifyNode))
            {
                if (ReadTarget(yaml, item, what) is { } target && !targets.Contains(target))
                {
                    targets.Add(target);
                }
            }

            if (notifyNode is YamlSequenceNode { Children.Count: 0 })
            {
                yaml.Error(notifyNode, $"{what} notify is empty: give whom to page");
            }
        }

        IReadOnlyList<PageChannel>? channels = null;
        if (!entries.TryGetValue("channels", out var channelsNode))
        {
            yaml.Error(node, $"{what} needs channels: sms, call or both");
        }
        else
        {
            channels = OncallSection.ReadChannels(yaml, channelsNode, $"{what} channels");
        }

        return yaml.Errors.Count > errorsBefore || channels is null
            ? null
            : new EscalationStep(index, hasAfter ? after : null, hasAt, targets, channels);
    }

    private PageTarget? ReadTarget(RuleYaml yaml, YamlNode node, string what)
    {
        var text = yaml.Text(node, $"{what} notify")?.Trim();
        if (text is null)
        {
            return null;
        }

        var target = PageTarget.Parse(text);
        if (target is null)
        {
            yaml.Error(node, $"unknown target '{text}' in {what} notify: use {string.Join(", ", PageTarget.RoleNames)} or person:<id>{DidYouMean.Hint(text, PageTarget.RoleNames)}");
        }
        else if (target.Kind == PageTargetKind.Person && !personIds.Contains(target.PersonId!))
        {
            yaml.Error(node, $"unknown person '{target.PersonId}' in {what} notify: list them under oncall people{DidYouMean.Hint(target.PersonId!, personIds)}");
            return null;
        }

        return target;
    }

    private static TimeSpan? ReadAfter(RuleYaml yaml, YamlNode node, string what)
    {
        var text = yaml.Text(node, $"{what} after")?.Trim();
        if (text is null)
        {
            return null;
        }

        if (text == "0")
        {
            return TimeSpan.Zero;
        }

        if (RuleDuration.TryParse(text, out var after))
        {
            return after;
        }

        yaml.Error(node, text.StartsWith('-')
            ? $"{what} after cannot be negative ('{text}'): it is the time since the page, 0m or more"
            : $"{what} after must be a duration such as 0m, 5m or 1h, not '{text}'");
        return null;
    }

    private static int? ReadRepeat(RuleYaml yaml, YamlNode node, string what)
    {
        var text = yaml.Text(node, $"{what} repeat")?.Trim();
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var repeat) && repeat <= MaxRepeat)
        {
            return repeat;
        }

        yaml.Error(node, $"{what} repeat must be a whole number from 0 to {MaxRepeat.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
        return null;
    }
}

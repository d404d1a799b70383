using AlertEngine.Paging;
using AlertEngine.Tickets;
using AlertEngine.UnitTests.Paging;

namespace AlertEngine.UnitTests.Classify;

/// <summary>The escalation: section: defaults, what a file changes, and each mistake with its line and reason.</summary>
public sealed class EscalationSectionTests
{
    private const string People = """
        oncall:
          people:
            - { id: li.na, name: 李娜, phone: "+8613800000012", language: zh-CN, channels: [sms, call] }
        """;

    [Fact]
    public void Load_NoEscalationSection_DefaultsOfTheDesign()
    {
        var escalation = InlineRules.Load("teams:\n  ops: {}\n").Escalation;

        var l1 = escalation.For(SupportLevel.L1);
        Assert.Equal(
            ["after 0m: on_duty by sms and call", "after 5m: on_duty by call", "after 10m: next_in_rotation by sms and call", "at respond_deadline: senior by sms and call"],
            l1.Steps.Select(s => s.ToString()));
        Assert.Equal([0, 1, 2, 3], l1.Steps.Select(s => s.Index));
        Assert.Equal(0, l1.Repeat);
        Assert.Equal(
            ["after 0m: on_duty by sms and call", "after 10m: on_duty by call", "after 20m: next_in_rotation by sms and call", "at respond_deadline: senior by sms and call"],
            escalation.For(SupportLevel.L2).Steps.Select(s => s.ToString()));
        Assert.Equal(["after 0m: on_duty by sms"], escalation.For(SupportLevel.L3).Steps.Select(s => s.ToString()));
        Assert.Equal(["after 0m: on_duty by sms"], escalation.For(SupportLevel.L4).Steps.Select(s => s.ToString()));
    }

    [Fact]
    public void Load_OneLevelGiven_OthersKeepTheirDefaults()
    {
        var escalation = InlineRules.LoadFiles(("escalation.yaml", """
            escalation:
              L3:
                repeat: 2
                steps:
                  - { at: respond_deadline, notify: [manager], channels: sms }
                  - { after: 0m, notify: [on_duty, next_in_rotation], channels: [sms] }
                  - { after: 1h, notify: on_duty, channels: [call] }
            """)).Escalation;

        var l3 = escalation.For(SupportLevel.L3);
        Assert.Equal(2, l3.Repeat);
        Assert.Equal(
            ["at respond_deadline: manager by sms", "after 0m: on_duty, next_in_rotation by sms", "after 1h: on_duty by call"],
            l3.Steps.Select(s => s.ToString()));
        Assert.Equal(EscalationPolicies.Defaults.For(SupportLevel.L1).Steps.Select(s => s.ToString()), escalation.For(SupportLevel.L1).Steps.Select(s => s.ToString()));
    }

    [Fact]
    public void Load_PersonTarget_NamesThatPersonOfTheRoster()
    {
        var rules = InlineRules.LoadFiles(("escalation.yaml", """
            escalation:
              L1:
                steps:
                  - { after: 0m, notify: [on_duty], channels: [sms] }
                  - { after: 30m, notify: ["person:li.na"], channels: [call] }
            """), ("oncall.yaml", People));

        var target = Assert.Single(rules.Escalation.For(SupportLevel.L1).Steps[1].Targets);
        Assert.Equal(new PageTarget(PageTargetKind.Person, "li.na"), target);
        var nobody = new global::AlertEngine.Paging.Roster.OnDuty("ops", "ops", null, null, null, null, "", null, "none");
        Assert.Equal("李娜", PageTargets.Resolve(target, nobody, rules.Roster)?.Name);
    }

    [Fact]
    public void DueAt_AfterAndRespondDeadline_FromTheChainStartOrTheDeadline()
    {
        var policy = EscalationPolicies.Defaults.For(SupportLevel.L1);
        var start = InlineRoster.At("2026-11-03 03:00");
        var respondBy = start.AddMinutes(15);

        Assert.Equal(start.AddMinutes(5), policy.Steps[1].DueAt(start, respondBy));
        Assert.Equal(respondBy, policy.Steps[3].DueAt(start, respondBy));
    }

    // rule, the escalation.yaml text, the error as line:column: reason
    public static TheoryData<string, string, string> Broken => new()
    {
        { "unknown level", "escalation:\n  L5:\n    steps: []\n", "2:3: unknown key 'L5' in escalation (did you mean 'L1'?)" },
        { "unknown target", "escalation:\n  L1:\n    steps:\n      - { after: 0m, notify: [on_dutty], channels: [sms] }\n", "4:31: unknown target 'on_dutty' in escalation L1 step 1 notify: use on_duty, next_in_rotation, senior, manager or person:<id> (did you mean 'on_duty'?)" },
        { "unknown person", "escalation:\n  L1:\n    steps:\n      - { after: 0m, notify: [\"person:li.na\", \"person:wang\"], channels: [sms] }\n", "4:47: unknown person 'wang' in escalation L1 step 1 notify: list them under oncall people" },
        { "empty channels", "escalation:\n  L2:\n    steps:\n      - { after: 0m, notify: [on_duty], channels: [] }\n", "4:51: escalation L2 step 1 channels is empty: give sms, call or both" },
        { "negative after", "escalation:\n  L1:\n    steps:\n      - { after: -5m, notify: [on_duty], channels: [sms] }\n", "4:18: escalation L1 step 1 after cannot be negative ('-5m'): it is the time since the page, 0m or more" },
        { "both after and at", "escalation:\n  L1:\n    steps:\n      - { after: 5m, at: respond_deadline, notify: [senior], channels: [sms] }\n", "4:9: escalation L1 step 1 needs either after (a duration from the page, e.g. 5m) or at: respond_deadline, not both" },
        { "neither after nor at", "escalation:\n  L1:\n    steps:\n      - { notify: [senior], channels: [sms] }\n", "4:9: escalation L1 step 1 needs either after (a duration from the page, e.g. 5m) or at: respond_deadline, not neither" },
        { "at names something else", "escalation:\n  L1:\n    steps:\n      - { at: resolve_deadline, notify: [senior], channels: [sms] }\n", "4:15: escalation L1 step 1 at must be respond_deadline (the ticket's respond-by deadline), not 'resolve_deadline'" },
        { "steps out of order", "escalation:\n  L1:\n    steps:\n      - { after: 10m, notify: [on_duty], channels: [sms] }\n      - { after: 5m, notify: [on_duty], channels: [call] }\n", "5:9: escalation L1: steps must be in order of after: 5m comes after 10m" },
        { "repeat too high", "escalation:\n  L1:\n    repeat: 11\n    steps:\n      - { after: 0m, notify: [on_duty], channels: [sms] }\n", "3:13: escalation L1 repeat must be a whole number from 0 to 10, not '11'" },
        { "no steps", "escalation:\n  L4:\n    repeat: 1\n", "3:5: escalation L4 needs steps (leave the level out to keep its default)" },
        { "escalation in two files", "escalation:\n  L4:\n    steps:\n      - { after: 0m, notify: [on_duty], channels: [sms] }\n", "2:3: the escalation policies are already given at 05-first.yaml:2: keep them in one file" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Load_BrokenEscalation_ErrorWithLineAndReason(string rule, string yaml, string expected)
    {
        var first = rule == "escalation in two files" ? "escalation:\n  L3:\n    steps:\n      - { after: 0m, notify: [on_duty], channels: [sms] }\n" : "";
        var errors = InlineRules.ErrorsOf(("05-first.yaml", first), ("escalation.yaml", yaml), ("oncall.yaml", People));

        var found = errors.Where(e => e.File == "escalation.yaml").Select(e => $"{e.Line}:{e.Column}: {e.Reason}").ToList();
        Assert.True(found.Contains(expected), $"{rule}: expected {expected}, got {string.Join(" | ", found)}");
    }
}

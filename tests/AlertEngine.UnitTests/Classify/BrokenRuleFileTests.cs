using AlertEngine.Classify;

namespace AlertEngine.UnitTests.Classify;

/// <summary>
/// Every fixture in TestData/ is a rule file with one kind of mistake (named for it); each must
/// be rejected with its exact error and position, and nothing else.
/// </summary>
public sealed class BrokenRuleFileTests
{
    // fixture, expected errors (file:line:column: reason)
    public static TheoryData<string, string[]> Fixtures => new()
    {
        { "rules.unknown-key.yaml", ["4:5: unknown key 'levle' in a rule (did you mean 'level'?)"] },
        { "rules.unknown-match-key.yaml", ["4:7: unknown key 'hots' in match (did you mean 'host'?)"] },
        { "rules.invalid-regex.yaml", ["4:28: event_name: invalid regex 'disk (full': Invalid pattern 'disk (full' at offset 10. Not enough )'s."] },
        { "rules.unknown-level.yaml", ["3:12: unknown level 'L5': use L1, L2, L3 or L4"] },
        { "rules.duplicate-rule-name.yaml", ["5:5: duplicate rule name 'backups': already used at TestData/rules.duplicate-rule-name.yaml:2"] },
        { "rules.impossible-time-window.yaml", ["4:21: impossible time window: from and to are both 09:00"] },
        { "rules.impossible-severity-range.yaml", ["4:17: impossible severity range: at least high and at most warning"] },
        { "rules.maintenance-ends-before-it-starts.yaml", ["4:43: impossible maintenance window: it ends before it starts"] },
        { "rules.unknown-team.yaml", ["7:11: unknown team 'netwrok': declare it under teams (did you mean 'network'?)"] },
        { "rules.unknown-time-zone.yaml", ["2:14: unknown time zone 'Asia/Beijing' in settings time_zone: use an IANA name such as Asia/Shanghai"] },
        { "rules.not-yaml.yaml", ["4:4: not valid YAML: While parsing a block collection, did not find expected '-' indicator."] },
        { "rules.unknown-template-field.yaml", ["3:19: correlate_by: unknown field '{hostname}': use server, event_id, trigger_id, event_name, host, host_name, severity, customer, team, tag.NAME or match.NAME (did you mean 'host_name'?)"] },
        { "rules.capture-without-group.yaml", ["2:5: rule 'customer-from-host': '{match.customer}' in '{match.customer}' needs a regex with a (?<customer>...) group in its match"] },
        { "rules.flapping-without-within.yaml", ["4:15: flapping needs within, e.g. { within: 15m }, or 'off'"] },
        { "rules.recurrence-quiet-not-a-duration.yaml", ["4:48: recurrence quiet must be a duration such as 30m, 24h or 7d, not 'forever'"] },
        { "rules.unknown-weekday.yaml", ["4:39: unknown weekday 'tues' in time weekdays: use mon, tue, wed, thu, fri, sat, sun (did you mean 'tue'?)"] },
        { "rules.rule-sets-nothing.yaml", ["2:5: rule 'lonely' sets nothing: give at least one of level, customer, team, correlate_by, recurrence, flapping, page, labels, ignore"] },
        {
            "rules.many-errors.yaml",
            [
                "4:12: unknown level 'L9': use L1, L2, L3 or L4",
                "6:24: unknown severity 'critical': use not_classified, information, warning, average, high, disaster or 0–5",
                "9:11: unknown page policy 'sometimes': use now, business_hours or never",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Load_BrokenFile_ExactErrorsWithPositions(string fixture, string[] expected)
    {
        var name = $"TestData/{fixture}";
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Classify", name));

        var load = RuleSetLoader.Load([new RuleSource(name, text)]);

        Assert.Null(load.Rules);
        Assert.Equal(expected.Select(e => $"{name}:{e}"), load.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_EveryFixture_IsCoveredByTheTable()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Classify", "TestData"), "rules.*.yaml").Select(Path.GetFileName);
        var covered = Fixtures.Select(row => row.Data.Item1);

        Assert.Equal(files.Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_ErrorsInTwoFiles_BothReportedInFileOrder()
    {
        var errors = InlineRules.ErrorsOf(
            ("10-a.yaml", "rules:\n  - name: a\n    level: L7\n"),
            ("20-b.yaml", "rules:\n  - name: b\n    page: later\n"));

        Assert.Equal(["10-a.yaml", "20-b.yaml"], errors.Select(e => e.File));
    }

    [Fact]
    public void Load_SameRuleNameInTwoFiles_Rejected()
    {
        var errors = InlineRules.ErrorsOf(
            ("10-a.yaml", "rules:\n  - name: same\n    level: L1\n"),
            ("20-b.yaml", "rules:\n  - name: same\n    level: L2\n"));

        Assert.Equal("20-b.yaml:2:5: duplicate rule name 'same': already used at 10-a.yaml:2", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Load_SettingsInTwoFiles_Rejected()
    {
        var errors = InlineRules.ErrorsOf(
            ("00-a.yaml", "settings:\n  default_team: ops\n"),
            ("01-b.yaml", "settings:\n  time_zone: UTC\n"));

        Assert.Equal("01-b.yaml:2:3: settings are already given at 00-a.yaml:2: keep them in one file", Assert.Single(errors).ToString());
    }

    [Fact]
    public void LoadFolder_Missing_ErrorNamesTheFolder()
    {
        var load = RuleSetLoader.LoadFolder("/nonexistent/rules");

        Assert.Equal("/nonexistent/rules: rules folder not found", Assert.Single(load.Errors).ToString());
    }
}

using AlertEngine.Classify;
using AlertEngine.Classify.RuleTests;
using AlertEngine.Ingest;

namespace AlertEngine.UnitTests.Classify.RuleTests;

/// <summary>Case files are read like rule files: every error with file:line:column, a did-you-mean for typos.</summary>
public sealed class RuleCaseFileTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // what is wrong, case file, expected error (file:line:column: reason)
    public static TheoryData<string, string, string> BrokenFiles => new()
    {
        {
            "misspelt expect key",
            "cases:\n  - name: a\n    event: { severity: high }\n    expect: { levle: L2 }\n",
            "t.yaml:4:15: unknown key 'levle' in expect (did you mean 'level'?)"
        },
        {
            "misspelt event key",
            "cases:\n  - name: a\n    event:\n      hots: srv-nc-web1\n    expect: { level: L2 }\n",
            "t.yaml:4:7: unknown key 'hots' in event (did you mean 'host'?)"
        },
        {
            "misspelt case key",
            "cases:\n  - name: a\n    event: {}\n    expcet: { level: L2 }\n",
            "t.yaml:4:5: unknown key 'expcet' in a case (did you mean 'expect'?)"
        },
        {
            "unknown severity",
            "cases:\n  - name: a\n    event: { severity: disastr }\n    expect: { level: L1 }\n",
            "t.yaml:3:24: unknown severity 'disastr': use not_classified, information, warning, average, high, disaster or 0–5 (did you mean 'disaster'?)"
        },
        {
            "unknown level",
            "cases:\n  - name: a\n    event: {}\n    expect: { level: L5 }\n",
            "t.yaml:4:22: unknown level 'L5': use L1, L2, L3 or L4"
        },
        {
            "time that is not a time",
            "cases:\n  - name: a\n    event: {}\n    at: next tuesday\n    expect: { level: L4 }\n",
            "t.yaml:4:9: 'next tuesday' is not a time: use " + RuleInstant.Accepted
        },
        {
            "case without an event",
            "cases:\n  - name: a\n    expect: { level: L4 }\n",
            "t.yaml:2:5: case 'a' needs an event (or an event_file)"
        },
        {
            "expect with nothing to check",
            "cases:\n  - name: a\n    event: {}\n    expect: {}\n",
            "t.yaml:4:13: expect checks nothing: give at least one of level, customer, team, page, rule, correlation_key, recurrence, flapping, labels, ignore, suppressed"
        },
        {
            "not YAML",
            "cases:\n  - name: [a\n",
            "t.yaml:3:1: not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'."
        },
        {
            "no cases list",
            "tests: []\n",
            "t.yaml:1:1: unknown key 'tests' in a case file"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Read_BrokenFile_ErrorWithExactPosition(string wrong, string text, string expected)
    {
        var yaml = new RuleYaml("t.yaml");

        RuleCaseFile.Read(yaml, text, Shanghai);

        Assert.True(yaml.Errors.Any(e => e.ToString() == expected), $"{wrong}: expected {expected}, got: {string.Join(" | ", yaml.Errors)}");
    }

    [Fact]
    public void Read_SeveralMistakes_ReportsEveryOne()
    {
        var yaml = new RuleYaml("t.yaml");

        var cases = RuleCaseFile.Read(yaml, "cases:\n  - name: a\n    event: { sevrity: high }\n    expect: { levle: L2, page: sometimes }\n", Shanghai);

        Assert.Empty(cases);
        Assert.Equal(3, yaml.Errors.Count);
    }

    [Fact]
    public void Read_EventFields_OverDefaults()
    {
        var yaml = new RuleYaml("t.yaml");
        const string Text = """
            cases:
              - name: disaster on a customer web server
                event:
                  severity: disaster
                  host: srv-nc-web1
                  event_name: Web site down
                  server: zbx-a
                  tags: { customer: nc }
                  host_groups: [Customers/NC]
                  suppressed: true
                at: "2026-11-26 03:00"
                expect: { level: L1, customer: ~, recurrence: { count: 3, within: 24h }, labels: { b: "2", a: "1" } }
            """;

        var c = Assert.Single(RuleCaseFile.Read(yaml, Text, Shanghai));

        Assert.Empty(yaml.Errors);
        Assert.Equal(("disaster on a customer web server", 2, 5), (c.Name, c.Line, c.Column));
        Assert.Equal(5, c.Event.Severity);
        Assert.Equal(("srv-nc-web1", "srv-nc-web1", "zbx-a", "Web site down"), (c.Event.Host, c.Event.HostName, c.Event.Server, c.Event.EventName));
        Assert.Equal([new EventTag("customer", "nc")], c.Event.Tags);
        Assert.Equal(["Customers/NC"], c.Event.HostGroups);
        Assert.True(c.Event.Suppressed);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 19, 0, 0, TimeSpan.Zero), c.At);
        Assert.Equal(
            [new("level", "L1"), new("customer", "(none)"), new("recurrence", "3 times within 24h"), new("labels", "{a: 1, b: 2}")],
            c.Expect);
    }

    [Fact]
    public void Read_EventOmitted_SensibleDefaults()
    {
        var yaml = new RuleYaml("t.yaml");

        var c = Assert.Single(RuleCaseFile.Read(yaml, "cases:\n  - name: a\n    event: {}\n    expect: { level: L4 }\n", Shanghai));

        Assert.Equal(("main", "1", "1", 0, "test-host"), (c.Event.Server, c.Event.EventId, c.Event.TriggerId, c.Event.Severity, c.Event.Host));
        Assert.Equal(EventKind.Problem, c.Event.Kind);
        Assert.Equal(RuleCaseEvent.DefaultClock(Shanghai), c.Event.ProblemAt);
        Assert.Null(c.At);
    }

    [Fact]
    public void Read_EventFile_ReadsTheWebhookBodyRelativeToTheCaseFile()
    {
        var folder = Directory.CreateTempSubdirectory("rule-cases-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "body.json"), """
                {"event_id":"7","value":1,"update_status":0,"severity":5,"event_name":"Down","trigger_id":"9","host":"srv-nc-web1","clock":1795638019}
                """);
            var yaml = new RuleYaml(Path.Combine(folder, "t.yaml"));

            var c = Assert.Single(RuleCaseFile.Read(yaml, "cases:\n  - name: a\n    event_file: body.json\n    event: { server: zbx-b }\n    expect: { level: L1 }\n", Shanghai));

            Assert.Equal(("zbx-b", "7", 5, "srv-nc-web1"), (c.Event.Server, c.Event.EventId, c.Event.Severity, c.Event.Host));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Read_EventFileMissing_ErrorNamesThePath()
    {
        var yaml = new RuleYaml("/nowhere/t.yaml");

        RuleCaseFile.Read(yaml, "cases:\n  - name: a\n    event_file: gone.json\n    expect: { level: L1 }\n", Shanghai);

        var error = Assert.Single(yaml.Errors);
        Assert.StartsWith("/nowhere/t.yaml:3:17: event_file 'gone.json' not found", error.ToString(), StringComparison.Ordinal);
    }
}

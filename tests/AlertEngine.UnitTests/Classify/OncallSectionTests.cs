using AlertEngine.UnitTests.Paging;

namespace AlertEngine.UnitTests.Classify;

/// <summary>What is wrong with an oncall: section, with the line, column and reason the loader gives.</summary>
public sealed class OncallSectionTests
{
    private const string People = """
        oncall:
          people:
            - { id: a, name: Anna, phone: "+8613800000001", language: en, channels: [sms, call] }
            - { id: b, name: Bo, phone: "+8613800000002", language: zh-CN, channels: [sms] }
        """;

    private const string Rotation = """
              rotation:
                hand_off: weekly
                start: "2026-11-02"
                shifts:
                  - { name: day, from: "09:30", to: "18:00" }
                  - { name: night, from: "18:00", to: "09:30" }
                members: [a, b]
        """;

    // rule, the oncall.yaml text, the error as line:column: reason
    public static TheoryData<string, string, string> Broken => new()
    {
        {
            "unknown key in a person", """
            oncall:
              people:
                - { id: a, nmae: Anna, phone: "+8613800000001", language: en, channels: [sms] }
            """, "3:16: unknown key 'nmae' in a person (did you mean 'name'?)"
        },
        {
            "duplicate person id", People + """

                - { id: a, name: Ann, phone: "+8613800000003", language: en, channels: [sms] }
            """, "5:13: duplicate person id 'a': already used at oncall.yaml:3"
        },
        {
            "phone not E.164", """
            oncall:
              people:
                - { id: a, name: Anna, phone: "13800000001", language: en, channels: [sms] }
            """, "3:35: phone '13800000001' is not an E.164 number: + then the country code and number, digits only, e.g. +8613800000001"
        },
        {
            "unknown language", """
            oncall:
              people:
                - { id: a, name: Anna, phone: "+8613800000001", language: zh, channels: [sms] }
            """, "3:63: unknown language 'zh': use en or zh-CN"
        },
        {
            "unknown channel", """
            oncall:
              people:
                - { id: a, name: Anna, phone: "+8613800000001", language: en, channels: [sms, cal] }
            """, "3:83: unknown channel 'cal' in person 'a' channels: use sms or call (did you mean 'call'?)"
        },
        {
            "team not declared in the settings", People + """

              teams:
                opz:
                  senior: a
                  manager: b
            """ + "\n" + Rotation, "6:5: unknown team 'opz': declare it under teams in the settings (did you mean 'ops'?)"
        },
        {
            "unknown person in members", People + """

              teams:
                ops:
                  senior: a
                  manager: b
                  rotation:
                    hand_off: weekly
                    start: "2026-11-02"
                    shifts: [{ name: all, from: "00:00", to: "24:00" }]
                    members: [a, bb]
            """, "13:22: unknown person 'bb' in oncall team 'ops' rotation members: list them under oncall people (did you mean 'b'?)"
        },
        {
            "empty members", People + """

              teams:
                ops:
                  senior: a
                  manager: b
                  rotation:
                    hand_off: daily
                    start: "2026-11-02"
                    shifts: [{ name: all, from: "08:00", to: "08:00" }]
                    members: []
            """, "13:18: oncall team 'ops' rotation members is empty: list the person ids who take turns, in order"
        },
        {
            "shifts overlap", People + """

              teams:
                ops:
                  senior: a
                  manager: b
                  rotation:
                    hand_off: weekly
                    start: "2026-11-02"
                    shifts:
                      - { name: day, from: "09:00", to: "18:30" }
                      - { name: night, from: "18:00", to: "09:00" }
                    members: [a, b]
            """, "13:11: oncall team 'ops' rotation: shifts 'day' and 'night' overlap at 18:00"
        },
        {
            "shifts leave a gap in a 24x7 team", People + """

              teams:
                ops:
                  senior: a
                  manager: b
                  rotation:
                    hand_off: weekly
                    start: "2026-11-02"
                    shifts:
                      - { name: day, from: "09:30", to: "18:00" }
                      - { name: night, from: "18:30", to: "09:30" }
                    members: [a, b]
            """, "13:11: oncall team 'ops' rotation: the shifts leave 18:00–18:30 uncovered; the team needs every minute of the day in a shift, as it is on duty around the clock (or set business_hours_only: true)"
        },
        {
            "business-hours-only team without after_hours", People + """

              teams:
                app:
                  senior: a
                  manager: b
                  business_hours_only: true
            """ + "\n" + Rotation, "7:7: oncall team 'app' is business_hours_only: give after_hours, the team that covers outside business hours"
        },
        {
            "after_hours names a team without a rotation", People + """

              teams:
                app:
                  senior: a
                  manager: b
                  business_hours_only: true
                  after_hours: network
            """ + "\n" + Rotation, "10:20: team 'app' after_hours: 'network' has no rotation under oncall teams"
        },
        {
            "after_hours team is business-hours-only itself", People + """

              teams:
                network:
                  senior: a
                  manager: b
                  business_hours_only: true
                  after_hours: app
            """ + "\n" + Rotation + """

                app:
                  senior: a
                  manager: b
                  business_hours_only: true
                  after_hours: network
            """ + "\n" + Rotation, "10:20: team 'network' after_hours: 'app' is business_hours_only itself; the cover after hours must be a team on duty around the clock"
        },
        {
            "override ends before it starts", People + """

              teams:
                ops:
                  senior: a
                  manager: b
            """ + "\n" + Rotation + """

                  overrides:
                    - { person: b, from: "2026-11-03 12:00", to: "2026-11-03 12:00" }
            """, "17:54: oncall team 'ops' override: to (2026-11-03 12:00) must be after from (2026-11-03 12:00)"
        },
        {
            "override names an unknown shift", People + """

              teams:
                ops:
                  senior: a
                  manager: b
            """ + "\n" + Rotation + """

                  overrides:
                    - { person: b, from: "2026-11-03 12:00", to: "2026-11-03 14:00", shift: nigth }
            """, "17:81: unknown shift 'nigth' in oncall team 'ops' override: the rotation has day, night (did you mean 'night'?)"
        },
        {
            "unknown senior", People + """

              teams:
                ops:
                  senior: anna
                  manager: b
            """ + "\n" + Rotation, "7:15: unknown person 'anna' in oncall team 'ops' senior: list them under oncall people"
        },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Load_BrokenRoster_ErrorWithLineAndReason(string rule, string yaml, string expected)
    {
        var errors = InlineRules.ErrorsOf(("00-settings.yaml", "teams:\n  ops: {}\n  app: {}\n  network: {}\n"), ("oncall.yaml", yaml));

        var found = errors.Where(e => e.File == "oncall.yaml").Select(e => $"{e.Line}:{e.Column}: {e.Reason}").ToList();
        Assert.True(found.Contains(expected), $"{rule}: expected {expected}, got {string.Join(" | ", found)}");
    }

    [Fact]
    public void Load_NoOncallSection_EmptyRoster()
    {
        var rules = InlineRules.Load("teams:\n  ops: {}\n");

        Assert.Empty(rules.Roster.Teams);
        Assert.Empty(rules.Roster.People);
    }

    [Fact]
    public void Load_OncallInTwoFiles_SecondIsAnError()
    {
        var errors = InlineRules.ErrorsOf(("oncall.yaml", People), ("oncall2.yaml", People));

        Assert.Contains(errors, e => e.File == "oncall2.yaml" && e.Reason == "the on-call roster is already given at oncall.yaml:2: keep it in one file");
    }

    [Fact]
    public void Load_TeamTimeZone_DefaultsToTheSettingsTeamsZone()
    {
        var rules = InlineRules.LoadFiles(
            ("00-settings.yaml", "teams:\n  ops: {}\n  berlin: { time_zone: Europe/Berlin }\n"),
            ("oncall.yaml", People + "\n  teams:\n    berlin:\n      senior: a\n      manager: b\n" + Rotation));

        Assert.Equal("Europe/Berlin", rules.Roster.TimeZoneOf("berlin").Id);
        Assert.Equal("day", rules.Roster.OnDutyAt("berlin", new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.FromHours(1))).Shift);
    }

    [Fact]
    public void InlineRoster_Loads()
    {
        Assert.Equal(["app", "ops"], InlineRoster.Load().Roster.Teams);
    }
}

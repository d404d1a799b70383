using AlertEngine.Classify;
using AlertEngine.UnitTests.Classify;

namespace AlertEngine.UnitTests.Paging;

/// <summary>
/// A small rules folder with a roster: teams ops (24x7, weekly from Monday 2026-11-02, day
/// 09:30–18:00 and night 18:00–09:30, members a, b, c), app (business hours only, daily, b and a,
/// ops after hours) and network (no rotation); National Day 2026 off, 2026-10-10 a make-up day.
/// </summary>
internal static class InlineRoster
{
    public const string Settings = """
        teams:
          ops: {}
          app: {}
          network: {}
        """;

    public const string Holidays = """
        days_off:
          - { from: 2026-10-01, to: 2026-10-07, name: National Day }
        working_days:
          - { date: 2026-10-10, name: National Day }
        """;

    public const string People = """
        oncall:
          people:
            - { id: a, name: Anna, phone: "+8613800000001", language: en, channels: [sms, call] }
            - { id: b, name: 王波, phone: "+8613800000002", language: zh-CN, channels: [sms] }
            - { id: c, name: 陈晨, phone: "+8613800000003", language: zh-CN, channels: [call, sms] }
            - { id: s, name: Sam, phone: "+447700900001", language: en, channels: [sms, call] }
            - { id: m, name: Mia, phone: "+447700900002", language: en, channels: [sms] }
        """;

    public const string Ops = """
          teams:
            ops:
              senior: s
              manager: m
              rotation:
                hand_off: weekly
                start: "2026-11-02"
                shifts:
                  - { name: day, from: "09:30", to: "18:00" }
                  - { name: night, from: "18:00", to: "09:30" }
                members: [a, b, c]
        """;

    public const string App = """
            app:
              senior: c
              manager: m
              business_hours_only: true
              after_hours: ops
              rotation:
                hand_off: daily
                start: "2026-11-02"
                shifts:
                  - { name: day, from: "09:30", to: "18:00" }
                members: [b, a]
        """;

    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The folder, with these overrides (flow mappings, e.g. <c>{ person: c, from: …, to: … }</c>) for team ops.</summary>
    public static RuleSet Load(params string[] opsOverrides)
    {
        var overrides = opsOverrides.Length == 0 ? "" : "\n      overrides:" + string.Concat(opsOverrides.Select(o => "\n        - " + o));
        return InlineRules.LoadFiles(("00-settings.yaml", Settings), ("holidays/2026.yaml", Holidays), ("oncall.yaml", People + "\n" + Ops + overrides + "\n" + App));
    }

    /// <summary>A wall-clock time in Shanghai as an instant.</summary>
    public static DateTimeOffset At(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8));
}

using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>Reads an IANA time zone name (Asia/Shanghai) from a rule file.</summary>
internal static class RuleTimeZone
{
    /// <summary>
    /// The zone by IANA name. Asia/Shanghai, the team's default, works even on a machine without
    /// time zone data (a minimal container): China has kept UTC+8 without daylight saving since 1991.
    /// </summary>
    public static TimeZoneInfo? Find(string id)
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        return id == RuleSettings.DefaultTimeZoneId
            ? TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time")
            : null;
    }

    public static TimeZoneInfo? Read(RuleYaml yaml, YamlNode node, string what)
    {
        var id = yaml.Text(node, what)?.Trim();
        if (id is null)
        {
            return null;
        }

        if (Find(id) is { } zone)
        {
            return zone;
        }

        yaml.Error(node, $"unknown time zone '{id}' in {what}: use an IANA name such as Asia/Shanghai");
        return null;
    }
}

using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>Reads an IANA time zone name (Asia/Shanghai) from a rule file.</summary>
internal static class RuleTimeZone
{
    public static TimeZoneInfo? Read(RuleYaml yaml, YamlNode node, string what)
    {
        var id = yaml.Text(node, what)?.Trim();
        if (id is null)
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        yaml.Error(node, $"unknown time zone '{id}' in {what}: use an IANA name such as Asia/Shanghai");
        return null;
    }
}

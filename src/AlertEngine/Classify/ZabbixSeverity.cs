using System.Globalization;

namespace AlertEngine.Classify;

/// <summary>Zabbix severity names as rules write them, and their numbers 0–5.</summary>
public static class ZabbixSeverity
{
    /// <summary>The names in severity order: index = Zabbix number.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["not_classified", "information", "warning", "average", "high", "disaster"];

    /// <summary>The name of a severity number ("disaster" for 5), or the number itself when out of range.</summary>
    public static string NameOf(int severity) =>
        severity >= 0 && severity < Names.Count ? Names[severity] : severity.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a severity written as a name (any case, "not classified" with a space too) or a number 0–5.</summary>
    public static bool TryParse(string? text, out int severity)
    {
        severity = -1;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            severity = number;
            return number is >= 0 and <= 5;
        }

        var name = trimmed.Replace(' ', '_').ToLowerInvariant();
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
            {
                severity = i;
                return true;
            }
        }

        return false;
    }
}

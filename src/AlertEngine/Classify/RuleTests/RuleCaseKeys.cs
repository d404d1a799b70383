using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify.RuleTests;

/// <summary>
/// The keys a case may check under <c>expect:</c>, how an expected value is read, and how the
/// same value is written from a <see cref="Classification"/>, so that both sides compare as text
/// and a failure prints as <c>- expected</c> / <c>+ actual</c>.
/// </summary>
internal static class RuleCaseKeys
{
    /// <summary>What a missing customer or deciding rule is written as.</summary>
    public const string None = "(none)";

    public static readonly string[] All =
        ["level", "customer", "team", "page", "rule", "correlation_key", "recurrence", "flapping", "labels", "ignore", "suppressed"];

    /// <summary>The value the rules decided for one key, written as an expectation is.</summary>
    public static string Actual(string key, Classification c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return key switch
        {
            "level" => c.Level.ToString(),
            "customer" => c.Customer ?? None,
            "team" => c.Team,
            "page" => c.Page.ToName(),
            "rule" => c.Rule ?? None,
            "correlation_key" => c.CorrelationKey,
            "recurrence" => c.Recurrence.ToString(),
            "flapping" => c.Flapping.ToString(),
            "labels" => Labels(c.Labels),
            "ignore" => Flag(c.Ignore),
            "suppressed" => Flag(c.Suppressed),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a key a case can check"),
        };
    }

    /// <summary>Reads the <c>expect:</c> mapping; unknown keys and bad values are errors with their position.</summary>
    public static List<RuleExpectation> Read(RuleYaml yaml, YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var entries = yaml.Mapping(node, "expect", All);
        var expectations = new List<RuleExpectation>();
        if (entries is null)
        {
            return expectations;
        }

        if (entries.Count == 0 && node is YamlMappingNode { Children.Count: 0 })
        {
            yaml.Error(node, $"expect checks nothing: give at least one of {string.Join(", ", All)}");
        }

        // In the order of All, so that a diff always lists keys the same way.
        foreach (var key in All)
        {
            if (entries.TryGetValue(key, out var value) && Expected(yaml, key, value) is { } expected)
            {
                expectations.Add(new RuleExpectation(key, expected));
            }
        }

        return expectations;
    }

    private static string? Expected(RuleYaml yaml, string key, YamlNode node) => key switch
    {
        "level" => RuleFile.ReadLevel(yaml, node)?.ToString(),
        "page" => RuleFile.ReadPage(yaml, node)?.ToName(),
        "recurrence" => RuleFile.ReadRecurrence(yaml, node)?.ToString(),
        "flapping" => RuleFile.ReadFlapping(yaml, node)?.ToString(),
        "ignore" or "suppressed" => yaml.Flag(node, $"expect {key}") is { } flag ? Flag(flag) : null,
        "labels" => ReadLabels(yaml, node),
        "customer" or "rule" when IsNone(node) => None,
        _ => yaml.Text(node, $"expect {key}")?.Trim(),
    };

    /// <summary><c>customer: ~</c>, <c>customer: null</c> or an empty value: expects none.</summary>
    private static bool IsNone(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any, Value: null or "" or "~" or "null" };

    private static string? ReadLabels(RuleYaml yaml, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            yaml.Error(node, "expect labels must be a mapping of name: value ({} for none)");
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value;
            var value = yaml.Text(valueNode, $"expect label '{name}'");
            if (string.IsNullOrWhiteSpace(name))
            {
                yaml.Error(keyNode, "label names must be plain words");
            }
            else if (value is not null)
            {
                labels[name] = value;
            }
        }

        return Labels(labels);
    }

    private static string Labels(IReadOnlyDictionary<string, string> labels) =>
        "{" + string.Join(", ", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}: {l.Value}")) + "}";

    private static string Flag(bool value) => value.ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
}

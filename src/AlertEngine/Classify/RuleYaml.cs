using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>
/// Reads the YAML tree of one rule file and collects every error with its position, so that a
/// senior engineer sees all that is wrong in one run instead of one error per attempt.
/// </summary>
internal sealed class RuleYaml(string file)
{
    private readonly List<RuleError> _errors = [];

    public string File { get; } = file;

    public IReadOnlyList<RuleError> Errors => _errors;

    public void Error(YamlNode node, string reason) =>
        _errors.Add(new RuleError(File, Line(node), Column(node), reason));

    public void Error(int line, int column, string reason) => _errors.Add(new RuleError(File, line, column, reason));

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public static int Column(YamlNode node) => (int)node.Start.Column;

    /// <summary>
    /// The root node of a one-document YAML text: an empty scalar for an empty text, null (after
    /// an error with the position) when it is not YAML. A second document is an error.
    /// </summary>
    public YamlNode? Load(string text, string what)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            var reason = ex.InnerException is YamlDotNet.Core.YamlException inner ? inner.Message : ex.Message;
            Error((int)ex.Start.Line, (int)ex.Start.Column, $"not valid YAML: {reason}");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return new YamlScalarNode();
        }

        if (stream.Documents.Count > 1)
        {
            Error(stream.Documents[1].RootNode, $"one YAML document per {what}: remove the '---' separator");
        }

        return stream.Documents[0].RootNode;
    }

    /// <summary>
    /// The entries of a mapping by key; an unknown key is an error with a "did you mean" when a
    /// known key is close. Returns null (after an error) when the node is not a mapping.
    /// </summary>
    public Dictionary<string, YamlNode>? Mapping(YamlNode node, string what, IReadOnlyCollection<string> known)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{what} must be a mapping of keys ({string.Join(", ", known)})");
            return null;
        }

        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key is null)
            {
                Error(keyNode, $"{what}: keys must be plain words");
                continue;
            }

            if (!known.Contains(key))
            {
                Error(keyNode, $"unknown key '{key}' in {what}{DidYouMean.Hint(key, known)}");
                continue;
            }

            entries[key] = value;
        }

        return entries;
    }

    /// <summary>The text of a scalar; null (after an error) for a list, a mapping or an empty value.</summary>
    public string? Text(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } value } && (value.Length > 0 || node is YamlScalarNode { Style: not YamlDotNet.Core.ScalarStyle.Plain }))
        {
            return value;
        }

        Error(node, node is YamlScalarNode ? $"{what} is empty" : $"{what} must be a single value, not a {Kind(node)}");
        return null;
    }

    /// <summary>true or false (also yes/no, on/off); null after an error.</summary>
    public bool? Flag(YamlNode node, string what)
    {
        var text = Text(node, what);
        switch (text?.Trim().ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Error(node, $"{what} must be true or false, not '{text}'");
                return null;
        }
    }

    /// <summary>A positive whole number; null after an error.</summary>
    public int? Count(YamlNode node, string what, int max)
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max)
        {
            return n;
        }

        Error(node, $"{what} must be a whole number from 1 to {max.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
        return null;
    }

    /// <summary>A duration like 15m, 24h, 7d; null after an error.</summary>
    public TimeSpan? Duration(YamlNode node, string what)
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (RuleDuration.TryParse(text, out var duration) && duration > TimeSpan.Zero)
        {
            return duration;
        }

        Error(node, $"{what} must be a duration such as 30m, 24h or 7d, not '{text}'");
        return null;
    }

    /// <summary>The items of a list, or the node itself when a single value was written.</summary>
    public static IReadOnlyList<YamlNode> OneOrMany(YamlNode node) =>
        node is YamlSequenceNode list ? list.Children.ToList() : [node];

    /// <summary>The items of a list; an error (and nothing) when the node is not a list.</summary>
    public IReadOnlyList<YamlNode> List(YamlNode node, string what)
    {
        if (node is YamlSequenceNode list)
        {
            return list.Children.ToList();
        }

        Error(node, $"{what} must be a list (items starting with '- ')");
        return [];
    }

    public static string Kind(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => "value",
    };
}

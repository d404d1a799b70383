using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>
/// One text pattern of a matcher, compiled once per load: a plain word or glob
/// (<c>srv-nc-*</c>, case-insensitive, see <see cref="Glob"/>) or <c>{ regex: ... }</c> (as written; add
/// <c>(?i)</c> to ignore case).
/// </summary>
internal sealed class TextPattern
{
    private static readonly TimeSpan RegexBudget = TimeSpan.FromMilliseconds(50);
    private static readonly string[] Keys = ["glob", "regex"];

    private readonly Glob? _glob;
    private readonly string? _regexPrefix;

    private TextPattern(string description, Glob? glob, Regex? regex)
    {
        Description = description;
        _glob = glob;
        Regex = regex;
        _regexPrefix = regex is null ? null : RegexPrefix.Of(regex.ToString());
    }

    /// <summary>How the pattern reads in an explanation: <c>glob 'srv-nc-*'</c>.</summary>
    public string Description { get; }

    /// <summary>The regex, when the pattern is one (its named groups feed <c>{match.NAME}</c>).</summary>
    public Regex? Regex { get; }

    public bool IsMatch(string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (_glob is not null)
        {
            return _glob.IsMatch(value);
        }

        if (_regexPrefix is not null && !value.StartsWith(_regexPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return Regex!.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological regex must not stop the pipeline: it simply does not match.
            return false;
        }
    }

    /// <summary>Reads a pattern from a scalar (glob) or a <c>{ glob | regex: ... }</c> mapping.</summary>
    public static TextPattern? Read(RuleYaml yaml, YamlNode node, string what)
    {
        if (node is YamlMappingNode)
        {
            var entries = yaml.Mapping(node, what, Keys);
            if (entries is null)
            {
                return null;
            }

            if (entries.Count != 1)
            {
                yaml.Error(node, $"{what} takes exactly one of glob or regex");
                return null;
            }

            var (kind, valueNode) = entries.First();
            var text = yaml.Text(valueNode, $"{what} {kind}");
            if (text is null)
            {
                return null;
            }

            return kind == "regex" ? FromRegex(yaml, valueNode, text, what) : FromGlob(text);
        }

        var glob = yaml.Text(node, what);
        return glob is null ? null : FromGlob(glob);
    }

    public static TextPattern FromGlob(string glob) => new($"glob '{glob}'", new Glob(glob), null);

    /// <summary>Reads a scalar as a regex.</summary>
    public static TextPattern? ReadRegex(RuleYaml yaml, YamlNode node, string what)
    {
        var text = yaml.Text(node, what);
        return text is null ? null : FromRegex(yaml, node, text, what);
    }

    private static TextPattern? FromRegex(RuleYaml yaml, YamlNode node, string text, string what)
    {
        try
        {
            var regex = new Regex(text, RegexOptions.CultureInvariant, RegexBudget);
            return new TextPattern($"regex '{text}'", null, regex);
        }
        catch (ArgumentException ex)
        {
            yaml.Error(node, $"{what}: invalid regex '{text}': {ex.Message}");
            return null;
        }
    }
}

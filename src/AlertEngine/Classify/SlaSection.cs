using System.Globalization;
using System.Text.RegularExpressions;
using AlertEngine.Sla;
using AlertEngine.Tickets;
using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>
/// Reads <c>sla:</c> (at most once in the folder): <c>warn_share</c> and per level <c>respond</c>,
/// <c>resolve</c>, <c>hard_limit</c> (durations, or <c>N business days</c> on a business-time
/// clock) and <c>business_time</c>. What it leaves out keeps the service agreement's value.
/// </summary>
internal sealed partial class SlaSection(TimeSpan businessDay)
{
    private static readonly string[] Keys = ["warn_share", "L1", "L2", "L3", "L4"];
    private static readonly string[] TermKeys = ["respond", "resolve", "hard_limit", "business_time"];

    private readonly Dictionary<SupportLevel, SlaTerms> _terms = new(SlaTable.Agreement(businessDay));
    private double _warnShare = SlaTable.DefaultWarnShare;
    private string? _where;

    public SlaTable Build() => new(_terms, _warnShare);

    public void Read(RuleYaml yaml, YamlNode node)
    {
        if (_where is not null)
        {
            yaml.Error(node, $"the SLA table is already given at {_where}: keep it in one file");
            return;
        }

        _where = $"{yaml.File}:{RuleYaml.Line(node)}";
        var entries = yaml.Mapping(node, "sla", Keys);
        if (entries is null)
        {
            return;
        }

        if (entries.TryGetValue("warn_share", out var shareNode) && ReadShare(yaml, shareNode) is { } share)
        {
            _warnShare = share;
        }

        foreach (var (key, value) in entries.Where(e => e.Key != "warn_share"))
        {
            var level = Enum.Parse<SupportLevel>(key);
            if (ReadTerms(yaml, value, key, _terms[level]) is { } terms)
            {
                _terms[level] = terms;
            }
        }
    }

    private SlaTerms? ReadTerms(RuleYaml yaml, YamlNode node, string level, SlaTerms agreed)
    {
        var entries = yaml.Mapping(node, $"sla {level}", TermKeys);
        if (entries is null)
        {
            return null;
        }

        var errorsBefore = yaml.Errors.Count;
        var business = entries.TryGetValue("business_time", out var businessNode) ? yaml.Flag(businessNode, $"sla {level} business_time") : agreed.BusinessTime;
        if (business is null)
        {
            return null;
        }

        var respond = Span(yaml, entries, "respond", level, business.Value) ?? agreed.Respond;
        var resolve = Span(yaml, entries, "resolve", level, business.Value) ?? agreed.Resolve;
        var hardLimit = Span(yaml, entries, "hard_limit", level, business.Value) ?? agreed.HardLimit;
        if (yaml.Errors.Count > errorsBefore)
        {
            return null;
        }

        if (respond > resolve || resolve > hardLimit)
        {
            yaml.Error(node, $"sla {level}: respond ({Describe(respond)}) ≤ resolve ({Describe(resolve)}) ≤ hard_limit ({Describe(hardLimit)}) must hold");
            return null;
        }

        return new SlaTerms(respond, resolve, hardLimit, business.Value);
    }

    /// <summary>A duration (15m, 4h), or on a business-time clock "N business day(s)"; null when not given or wrong (error recorded).</summary>
    private TimeSpan? Span(RuleYaml yaml, Dictionary<string, YamlNode> entries, string key, string level, bool business)
    {
        if (!entries.TryGetValue(key, out var node) || yaml.Text(node, $"sla {level} {key}") is not { } text)
        {
            return null;
        }

        if (BusinessDays().Match(text) is { Success: true } match)
        {
            if (!business)
            {
                yaml.Error(node, $"sla {level} {key}: '{text}' needs business_time: true (this clock runs around the clock: give hours, e.g. 4h)");
                return null;
            }

            return businessDay * int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        }

        if (RuleDuration.TryParse(text, out var duration) && duration > TimeSpan.Zero)
        {
            return duration;
        }

        yaml.Error(node, $"sla {level} {key} must be a duration such as 15m or 4h{(business ? ", or a number of business days such as 1 business day" : "")}, not '{text}'");
        return null;
    }

    /// <summary>75% (or 0.75); null after an error.</summary>
    private static double? ReadShare(RuleYaml yaml, YamlNode node)
    {
        var text = yaml.Text(node, "sla warn_share")?.Trim();
        if (text is null)
        {
            return null;
        }

        var percent = text.EndsWith('%');
        if (double.TryParse(percent ? text[..^1] : text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            var share = percent ? value / 100 : value;
            if (share is > 0 and < 1)
            {
                return share;
            }
        }

        yaml.Error(node, $"sla warn_share must be a share of the respond window between 0% and 100% (exclusive), e.g. 75%, not '{text}'");
        return null;
    }

    private static string Describe(TimeSpan span) => RuleDuration.Format(span);

    [GeneratedRegex(@"^\s*(?<n>[1-9][0-9]?)\s+business\s+days?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BusinessDays();
}

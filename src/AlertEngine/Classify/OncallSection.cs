using System.Text.RegularExpressions;
using AlertEngine.Paging;
using AlertEngine.Paging.Roster;
using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>
/// Reads <c>oncall:</c> (at most once in the folder; <c>rules/oncall.yaml</c>) into the
/// <see cref="Roster"/>: <c>people</c> (id, name, E.164 phone, language, channels) and per team
/// declared under <c>teams:</c> its time zone, senior engineer, manager, business-hours-only flag
/// and after-hours team, rotation and overrides. Semantics in <see cref="Roster"/>.
/// </summary>
internal sealed partial class OncallSection(RuleSettings settings)
{
    private static readonly string[] Keys = ["people", "teams"];
    private static readonly string[] PersonKeys = ["id", "name", "phone", "language", "channels"];

    private readonly Dictionary<string, (Person Person, string Where)> _people = new(StringComparer.Ordinal);
    private readonly List<RosterTeam> _teams = [];
    private string? _where;

    /// <summary>The ids of the people read so far (for <c>person:</c> targets of the escalation policies).</summary>
    public IReadOnlyCollection<string> PersonIds => _people.Keys;

    public Roster Build() => _where is null
        ? Roster.Empty
        : new Roster(_people.ToDictionary(p => p.Key, p => p.Value.Person, StringComparer.Ordinal), _teams, settings.TimeZone);

    public void Read(RuleYaml yaml, YamlNode node)
    {
        if (_where is not null)
        {
            yaml.Error(node, $"the on-call roster is already given at {_where}: keep it in one file");
            return;
        }

        _where = $"{yaml.File}:{RuleYaml.Line(node)}";
        var entries = yaml.Mapping(node, "oncall", Keys);
        if (entries is null)
        {
            return;
        }

        if (entries.TryGetValue("people", out var people))
        {
            foreach (var item in yaml.List(people, "oncall people"))
            {
                ReadPerson(yaml, item);
            }
        }
        else
        {
            yaml.Error(node, "oncall needs people: the list of those who can be paged");
        }

        if (entries.TryGetValue("teams", out var teams))
        {
            ReadTeams(yaml, teams);
        }
    }

    private void ReadPerson(RuleYaml yaml, YamlNode node)
    {
        var entries = yaml.Mapping(node, "a person", PersonKeys);
        if (entries is null)
        {
            return;
        }

        foreach (var key in PersonKeys.Where(k => !entries.ContainsKey(k)))
        {
            yaml.Error(node, $"a person needs {key} (id, name, phone, language, channels)");
        }

        var id = entries.TryGetValue("id", out var idNode) ? yaml.Text(idNode, "person id")?.Trim() : null;
        var name = entries.TryGetValue("name", out var nameNode) ? yaml.Text(nameNode, "person name")?.Trim() : null;
        var phone = entries.TryGetValue("phone", out var phoneNode) ? ReadPhone(yaml, phoneNode) : null;
        var language = entries.TryGetValue("language", out var languageNode) ? ReadLanguage(yaml, languageNode) : null;
        var channels = entries.TryGetValue("channels", out var channelsNode) ? ReadChannels(yaml, channelsNode, $"person '{id}' channels") : null;
        if (id is null || name is null || phone is null || language is null || channels is null)
        {
            return;
        }

        if (_people.TryGetValue(id, out var first))
        {
            yaml.Error(idNode!, $"duplicate person id '{id}': already used at {first.Where}");
            return;
        }

        if (_people.Values.FirstOrDefault(p => p.Person.Phone == phone) is { Person: not null } same)
        {
            yaml.Error(phoneNode!, $"phone {phone} is already {same.Person.Id}'s ({same.Where}): an SMS reply must name one person");
            return;
        }

        _people[id] = (new Person(id, name, phone, language.Value, channels), $"{yaml.File}:{RuleYaml.Line(node)}");
    }

    private static string? ReadPhone(RuleYaml yaml, YamlNode node)
    {
        var text = yaml.Text(node, "person phone")?.Trim();
        if (text is null || E164().IsMatch(text))
        {
            return text;
        }

        yaml.Error(node, $"phone '{text}' is not an E.164 number: + then the country code and number, digits only, e.g. +8613800000001");
        return null;
    }

    private static PageLanguage? ReadLanguage(RuleYaml yaml, YamlNode node)
    {
        var text = yaml.Text(node, "person language");
        if (text is null)
        {
            return null;
        }

        if (PageLanguageNames.TryParse(text, out var language))
        {
            return language;
        }

        yaml.Error(node, $"unknown language '{text}': use en or zh-CN");
        return null;
    }

    /// <summary>sms and/or call, at least one; null after an error.</summary>
    internal static IReadOnlyList<PageChannel>? ReadChannels(RuleYaml yaml, YamlNode node, string what)
    {
        var channels = new List<PageChannel>();
        var failed = false;
        foreach (var item in RuleYaml.OneOrMany(node))
        {
            var text = yaml.Text(item, what);
            if (text is null)
            {
                failed = true;
            }
            else if (!PageChannelNames.TryParse(text, out var channel))
            {
                yaml.Error(item, $"unknown channel '{text}' in {what}: use sms or call{DidYouMean.Hint(text, ["sms", "call"])}");
                failed = true;
            }
            else if (!channels.Contains(channel))
            {
                channels.Add(channel);
            }
        }

        if (!failed && channels.Count == 0)
        {
            yaml.Error(node, $"{what} is empty: give sms, call or both");
            failed = true;
        }

        return failed ? null : channels;
    }

    /// <summary>A person id of the roster; null after an error with a did-you-mean.</summary>
    private Person? PersonRef(RuleYaml yaml, YamlNode node, string what)
    {
        var id = yaml.Text(node, what)?.Trim();
        if (id is null)
        {
            return null;
        }

        if (_people.TryGetValue(id, out var person))
        {
            return person.Person;
        }

        yaml.Error(node, $"unknown person '{id}' in {what}: list them under oncall people{DidYouMean.Hint(id, _people.Keys)}");
        return null;
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}

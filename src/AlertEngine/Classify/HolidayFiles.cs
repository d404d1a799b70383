using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AlertEngine.Classify;

/// <summary>
/// Reads the holiday files of the rules folder (<c>holidays/2026.yaml</c>, one per year, named by
/// it): <c>days_off:</c> (public holidays) and <c>working_days:</c> (weekend days that are worked,
/// the make-up days). An entry is a date, <c>{ date, name }</c> or <c>{ from, to, name }</c>
/// (both included). Each date once in the folder, inside the file's year.
/// </summary>
internal sealed class HolidayFiles
{
    public const string Folder = "holidays";

    private static readonly string[] TopKeys = ["days_off", "working_days"];
    private static readonly string[] EntryKeys = ["date", "from", "to", "name"];

    private readonly Dictionary<DateOnly, (string Name, string Where)> _daysOff = [];
    private readonly Dictionary<DateOnly, (string Name, string Where)> _workingDays = [];
    private readonly List<(DateOnly Date, RuleYaml Yaml, YamlNode Node)> _worked = [];
    private int? _lastYear;

    public IReadOnlyDictionary<DateOnly, string> DaysOff => _daysOff.ToDictionary(d => d.Key, d => d.Value.Name);

    public IReadOnlyDictionary<DateOnly, string> WorkingDays => _workingDays.ToDictionary(d => d.Key, d => d.Value.Name);

    /// <summary>31 December of the last year given; null without holiday files.</summary>
    public DateOnly? CoveredUntil => _lastYear is { } year ? new DateOnly(year, 12, 31) : null;

    /// <summary>True for a source in the rules folder's <c>holidays/</c> sub-folder (on disk or built in).</summary>
    public static bool IsHolidayFile(string sourceName) =>
        Path.GetFileName(Path.GetDirectoryName(sourceName.Replace('\\', '/'))) == Folder;

    public void Read(RuleYaml yaml, string text)
    {
        var stem = Path.GetFileNameWithoutExtension(yaml.File);
        if (!int.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || stem.Length != 4 || year < 2000)
        {
            yaml.Error(0, 0, "a holiday file is named by its year, e.g. holidays/2027.yaml");
            return;
        }

        var root = yaml.Load(text, "holiday file");
        var top = root switch
        {
            null => null,
            YamlScalarNode { Value: null or "" } => [],
            _ => yaml.Mapping(root, "a holiday file", TopKeys),
        };
        if (top is null)
        {
            return;
        }

        _lastYear = Math.Max(_lastYear ?? year, year);
        if (top.TryGetValue("days_off", out var off))
        {
            ReadList(yaml, off, year, "days_off", _daysOff, _workingDays, "a working day");
        }

        if (top.TryGetValue("working_days", out var worked))
        {
            ReadList(yaml, worked, year, "working_days", _workingDays, _daysOff, "a day off");
        }
    }

    /// <summary>A make-up day must be a day the weekly hours leave out (a weekend day), or it changes nothing.</summary>
    public void CheckWorkingDays(WeeklyWindow hours)
    {
        foreach (var (date, yaml, node) in _worked.Where(w => ((hours.Weekdays >> (int)w.Date.DayOfWeek) & 1) == 1))
        {
            yaml.Error(node, $"{Text(date)} is a {date.DayOfWeek}, a working day already: working_days lists the weekend days that are worked (make-up days)");
        }
    }

    private void ReadList(RuleYaml yaml, YamlNode node, int year, string what,
        Dictionary<DateOnly, (string Name, string Where)> into, Dictionary<DateOnly, (string Name, string Where)> other, string otherKind)
    {
        foreach (var item in yaml.List(node, what))
        {
            if (ReadEntry(yaml, item, what) is not var (from, to, name))
            {
                continue;
            }

            if (from.Year != year || to.Year != year)
            {
                yaml.Error(item, $"{Text(from.Year != year ? from : to)} is not in {year.ToString(CultureInfo.InvariantCulture)}: {yaml.File} holds that year only");
                continue;
            }

            for (var date = from; date <= to; date = date.AddDays(1))
            {
                if (into.TryGetValue(date, out var first) || other.TryGetValue(date, out first))
                {
                    var kind = into.ContainsKey(date) ? $"listed under {what}" : otherKind;
                    yaml.Error(item, $"{Text(date)} is already {kind} at {first.Where}");
                    break;
                }

                into[date] = (name, $"{yaml.File}:{RuleYaml.Line(item)}");
                if (what == "working_days")
                {
                    _worked.Add((date, yaml, item));
                }
            }
        }
    }

    private static (DateOnly From, DateOnly To, string Name)? ReadEntry(RuleYaml yaml, YamlNode item, string what)
    {
        if (item is YamlScalarNode)
        {
            return ReadDate(yaml, item, what) is { } date ? (date, date, "") : null;
        }

        var entries = yaml.Mapping(item, $"a {what} entry", EntryKeys);
        if (entries is null)
        {
            return null;
        }

        var name = entries.TryGetValue("name", out var nameNode) ? yaml.Text(nameNode, $"{what} name")?.Trim() ?? "" : "";
        var hasDate = entries.TryGetValue("date", out var dateNode);
        var hasFrom = entries.TryGetValue("from", out var fromNode);
        var hasTo = entries.TryGetValue("to", out var toNode);
        if (hasDate == (hasFrom || hasTo) || hasFrom != hasTo)
        {
            yaml.Error(item, $"a {what} entry needs date, or from and to (both included), e.g. {{ from: 2026-10-01, to: 2026-10-07, name: National Day }}");
            return null;
        }

        if (hasDate)
        {
            return ReadDate(yaml, dateNode!, $"{what} date") is { } date ? (date, date, name) : null;
        }

        var from = ReadDate(yaml, fromNode!, $"{what} from");
        var to = ReadDate(yaml, toNode!, $"{what} to");
        if (from is null || to is null)
        {
            return null;
        }

        if (to < from)
        {
            yaml.Error(toNode!, $"impossible {what} range: {Text(to.Value)} is before {Text(from.Value)}");
            return null;
        }

        return (from.Value, to.Value, name);
    }

    private static DateOnly? ReadDate(RuleYaml yaml, YamlNode node, string what)
    {
        var text = yaml.Text(node, what)?.Trim();
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        yaml.Error(node, $"{what} must be a date like 2026-10-01, not '{text}'");
        return null;
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

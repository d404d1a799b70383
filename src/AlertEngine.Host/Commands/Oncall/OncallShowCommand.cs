using System.CommandLine;
using System.Globalization;
using AlertEngine.Host.Commands.Rules;

namespace AlertEngine.Host.Commands.Oncall;

/// <summary><c>alertengine oncall show [--days 7] [--team T] [--rules DIR]</c>: each team's shifts from now over the next days.</summary>
internal static class OncallShowCommand
{
    public const int DefaultDays = 7;
    public const int MaxDays = 62;
    private const string Command = "oncall show";

    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = $"How many days ahead to show, 1–{MaxDays} (default {DefaultDays}).", DefaultValueFactory = _ => DefaultDays };
        var team = new Option<string?>("--team") { Description = "One team (default: every team).", HelpName = "TEAM" };
        var rules = RulesCommandOptions.Rules();
        var command = new Command("show", "Each team's shifts from now over the next days: when, who holds the pager, the backup, overrides; times on the team's wall clock.")
        {
            days, team, rules,
        };
        command.SetAction(parse => Run(parse.GetValue(team), parse.GetValue(days), parse.GetValue(rules), TimeProvider.System.GetUtcNow(),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string? team, int days, string? rulesFolder, DateTimeOffset now, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (days is < 1 or > MaxDays)
        {
            errors.WriteLine($"alertengine {Command}: --days must be from 1 to {MaxDays.ToString(CultureInfo.InvariantCulture)}, not {days.ToString(CultureInfo.InvariantCulture)}.");
            return RulesExit.Usage;
        }

        if (OncallText.Load(team, rulesFolder, output, errors, Command, out var exit) is not var (rules, source, teams))
        {
            return exit;
        }

        output.WriteLine($"On call from {OncallText.Time(now, rules.Settings.TimeZone)} for {days.ToString(CultureInfo.InvariantCulture)} {(days == 1 ? "day" : "days")}; rules: {source}");
        foreach (var name in teams)
        {
            var zone = OncallText.ZoneOf(rules, name);
            output.WriteLine();
            output.WriteLine($"{name} ({zone.Id})");
            var shifts = rules.Roster.Shifts(name, now, now.AddDays(days));
            if (shifts.Count == 0)
            {
                output.WriteLine($"  {rules.Roster.OnDutyAt(name, now).Reason}");
                continue;
            }

            OncallText.Table(output, ["start", "end", "shift", "covering", "on duty", "backup", "override"],
                [.. shifts.Select(s => new[]
                {
                    OncallText.Time(s.Start, zone), OncallText.Time(s.End, zone), s.Name, s.CoveringTeam,
                    OncallText.Person(s.Holder), OncallText.Person(s.Backup), s.Override ?? "",
                })]);
        }

        return RulesExit.Ok;
    }
}

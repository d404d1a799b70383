using System.CommandLine;
using AlertEngine.Classify;
using AlertEngine.Host.Commands.Rules;

namespace AlertEngine.Host.Commands.Oncall;

/// <summary><c>alertengine oncall now [--at TIME] [--team T] [--rules DIR]</c>: who holds each team's pager at one instant, and why.</summary>
internal static class OncallNowCommand
{
    private const string Command = "oncall now";

    public static Command Create()
    {
        var at = new Option<string?>("--at")
        {
            Description = $"The instant to ask about instead of now: {RuleInstant.Accepted}.",
            HelpName = "TIME",
        };
        var team = new Option<string?>("--team") { Description = "One team (default: every team).", HelpName = "TEAM" };
        var rules = RulesCommandOptions.Rules();
        var command = new Command("now", "Who is on duty for each team now (or --at): the covering team, shift, on-duty person, backup, senior, manager and when the shift ends.")
        {
            at, team, rules,
        };
        command.SetAction(parse => Run(parse.GetValue(team), parse.GetValue(at), parse.GetValue(rules), TimeProvider.System.GetUtcNow(),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string? team, string? atText, string? rulesFolder, DateTimeOffset now, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (OncallText.Load(team, rulesFolder, output, errors, Command, out var exit) is not var (rules, source, teams))
        {
            return exit;
        }

        var zone = team is null ? rules.Settings.TimeZone : OncallText.ZoneOf(rules, team);
        var at = now;
        if (atText is not null && !RuleInstant.TryParse(atText, zone, out at))
        {
            errors.WriteLine($"alertengine {Command}: --at '{atText}' is not a time: use {RuleInstant.Accepted}.");
            return RulesExit.Usage;
        }

        output.WriteLine($"On call at {OncallText.Time(at, zone)} ({zone.Id}); rules: {source}");
        output.WriteLine();
        var duties = teams.Select(t => rules.Roster.OnDutyAt(t, at)).ToList();
        OncallText.Table(output, ["team", "covering", "shift", "on duty", "backup", "senior", "manager", "shift ends"],
            [.. duties.Select(d => new[]
            {
                d.Team, d.CoveringTeam, d.Shift.Length > 0 ? d.Shift : "-", d.Primary is null ? "nobody" : OncallText.Person(d.Primary), OncallText.Person(d.Backup),
                OncallText.Person(d.Senior), OncallText.Person(d.Manager), OncallText.Time(d.ShiftEndsAt, OncallText.ZoneOf(rules, d.Team)),
            })]);
        output.WriteLine();
        foreach (var duty in duties)
        {
            output.WriteLine($"{duty.Team}: {duty.Reason}");
        }

        return RulesExit.Ok;
    }
}

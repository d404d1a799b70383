using System.CommandLine;
using AlertEngine.Classify;
using AlertEngine.Ingest.Zabbix;

namespace AlertEngine.Host.Commands.Rules;

/// <summary><c>alertengine rules explain EVENT.json</c>: how the rules classify one webhook body, rule by rule.</summary>
internal static class ExplainCommand
{
    public const string DefaultServer = "main";

    public static Command Create()
    {
        var file = new Argument<string>("EVENT.json") { Description = "A webhook body as Zabbix posts it (e.g. samples/zabbix/payloads/problem.json)." };
        var rules = RulesCommandOptions.Rules();
        var server = new Option<string>("--server")
        {
            Description = $"The Zabbix server name the event came from (its webhook URL's name; part of the correlation key). Default {DefaultServer}.",
            DefaultValueFactory = _ => DefaultServer,
        };
        var at = new Option<string?>("--at")
        {
            Description = "Classify as of this time instead of the event's clock: a local time in the team's time zone (2026-11-26 03:00) or an ISO instant (2026-11-25T19:00:00Z).",
            HelpName = "TIME",
        };
        var command = new Command("explain", "Show how the rules classify one event: each rule tried in order (matched, why not, what it set), the maintenance windows, the result.")
        {
            file, rules, server, at,
        };
        command.SetAction(parse => Run(
            parse.GetValue(file)!, parse.GetValue(rules), parse.GetValue(server) ?? DefaultServer, parse.GetValue(at),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string file, string? rulesFolder, string server, string? atText, TextWriter output, TextWriter errors)
    {
        if (!File.Exists(file))
        {
            errors.WriteLine($"alertengine rules explain: no event file at {Path.GetFullPath(file)}.");
            return RulesExit.Usage;
        }

        var parsed = ZabbixWebhookPayload.Parse(server, File.ReadAllBytes(file));
        if (parsed.Event is not { } e)
        {
            errors.WriteLine($"alertengine rules explain: {file} is not a webhook body the engine accepts:");
            foreach (var error in parsed.Errors)
            {
                errors.WriteLine($"  {error}");
            }

            return RulesExit.Usage;
        }

        var (rules, source, exit) = RulesSetup.Load(rulesFolder, output, errors, "explain");
        if (rules is null)
        {
            return exit;
        }

        DateTimeOffset? at = null;
        if (atText is not null)
        {
            if (!RuleInstant.TryParse(atText, rules.Settings.TimeZone, out var instant))
            {
                errors.WriteLine($"alertengine rules explain: --at '{atText}' is not a time: use {RuleInstant.Accepted}.");
                return RulesExit.Usage;
            }

            at = instant;
        }

        ExplainReport.Write(output, rules, source, e, rules.Explain(e, at), atGiven: at is not null);
        return RulesExit.Ok;
    }
}

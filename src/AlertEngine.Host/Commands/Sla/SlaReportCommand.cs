using System.CommandLine;
using System.Text.Json;
using AlertEngine.Classify;
using AlertEngine.Host.Commands.Rules;
using AlertEngine.Host.Endpoints;
using AlertEngine.Sla;
using AlertEngine.Storage;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Host.Commands.Sla;

/// <summary>
/// <c>alertengine sla report [--from --to] [--format text|json]</c>: the same report as
/// <c>GET /api/v1/sla/summary</c>, from the database opened read-only, counted with the rules
/// folder's SLA table and business calendar.
/// </summary>
internal static class SlaReportCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var from = new Option<string?>("--from") { Description = $"Tickets whose SLA clock started from this time (inclusive); default 30 days before --to. {RuleInstant.Accepted}.", HelpName = "TIME" };
        var to = new Option<string?>("--to") { Description = "… up to this time (exclusive); default now.", HelpName = "TIME" };
        var rules = RulesCommandOptions.Rules();
        var database = new Option<string?>("--database")
        {
            Description = "The engine's SQLite database, opened read-only. Default: Storage:DatabasePath from the configuration (data/alertengine.db).",
            HelpName = "PATH",
        };
        var format = new Option<string>("--format") { Description = "text (default) or json (the API's shape).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("report", "Per level and per customer: tickets, respond and resolve met and breached, MTTA and MTTR (mean, 90th percentile) in business or wall time as the level counts.")
        {
            from, to, rules, database, format,
        };
        command.SetAction((parse, ct) => Task.FromResult(Run(
            parse.GetValue(from), parse.GetValue(to), parse.GetValue(rules), parse.GetValue(database), parse.GetValue(format) ?? "text",
            TimeProvider.System, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error)));
        return command;
    }

    public static int Run(string? fromText, string? toText, string? rulesFolder, string? database, string format, TimeProvider time, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var (rules, _, exit) = RulesSetup.Load(rulesFolder, output, errors, "sla report");
        if (rules is null)
        {
            return exit;
        }

        var zone = rules.Settings.TimeZone;
        if (!SlaWindow.TryRead(fromText, toText, zone, time.GetUtcNow(), out var from, out var to, out var problems))
        {
            foreach (var (field, reason) in problems)
            {
                errors.WriteLine($"alertengine sla report: --{field} {reason}.");
            }

            return RulesExit.Usage;
        }

        var path = Path.GetFullPath(RulesSetup.DatabasePath(database));
        if (!File.Exists(path))
        {
            errors.WriteLine($"alertengine sla report: no database at {path}. Give one with --database PATH or set Storage:DatabasePath.");
            return RulesExit.Usage;
        }

        SlaSummary summary;
        try
        {
            using var connection = SqliteConnectionFactory.OpenReadOnly(path);
            summary = SlaSummaryBuilder.Build(from, to, SlaStore.ListForReport(connection, from, to), new RuleSetSlaClock(rules));
        }
        catch (SqliteException ex)
        {
            errors.WriteLine($"alertengine sla report: cannot read {path}: {ex.Message}");
            return RulesExit.Failed;
        }

        if (format == "json")
        {
            output.WriteLine(JsonSerializer.Serialize(SlaSummaryView.From(summary), Json));
        }
        else
        {
            SlaReportText.Write(output, summary, zone, path);
        }

        return RulesExit.Ok;
    }
}

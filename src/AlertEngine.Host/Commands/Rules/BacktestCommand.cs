using System.CommandLine;
using AlertEngine.Classify;
using AlertEngine.Classify.Backtest;
using AlertEngine.Storage;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Host.Commands.Rules;

/// <summary>
/// <c>alertengine rules backtest --from --to</c>: replays the problem events received in a window
/// through candidate rules and prints what would change against what actually happened. Opens
/// the database read-only.
/// </summary>
internal static class BacktestCommand
{
    public static Command Create()
    {
        var from = Time("--from", "Replay events received from this time (inclusive)");
        var to = Time("--to", "… up to this time (exclusive)");
        var rules = RulesCommandOptions.Rules();
        var database = new Option<string?>("--database")
        {
            Description = "The engine's SQLite database, opened read-only. Default: Storage:DatabasePath from the configuration (data/alertengine.db).",
            HelpName = "PATH",
        };
        var all = new Option<bool>("--all") { Description = "List every replayed event, not only those the candidate rules change." };
        var command = new Command("backtest", "Replay the events stored in the database through candidate rules and print what would change (levels, customers, teams, tickets, pages) against what actually happened.")
        {
            from, to, rules, database, all,
        };
        command.SetAction((parse, ct) => Task.FromResult(Run(
            new BacktestArguments(parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(rules), parse.GetValue(database), parse.GetValue(all)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct)));
        return command;
    }

    public static int Run(BacktestArguments args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (rules, source, exit) = RulesSetup.Load(args.Rules, output, errors, "backtest");
        if (rules is null)
        {
            return exit;
        }

        var zone = rules.Settings.TimeZone;
        if (!ReadTime(args.From, "--from", zone, errors, out var from) || !ReadTime(args.To, "--to", zone, errors, out var to))
        {
            return RulesExit.Usage;
        }

        if (to <= from)
        {
            errors.WriteLine($"alertengine rules backtest: --to ({RuleInstant.Format(to, zone)}) must be after --from ({RuleInstant.Format(from, zone)}).");
            return RulesExit.Usage;
        }

        var path = Path.GetFullPath(RulesSetup.DatabasePath(args.Database));
        if (!File.Exists(path))
        {
            errors.WriteLine($"alertengine rules backtest: no database at {path}. Give one with --database PATH or set Storage:DatabasePath.");
            return RulesExit.Usage;
        }

        var report = new BacktestReport(output, zone, args.All);
        report.WriteHeader(source, rules, path, from, to);
        try
        {
            using var connection = SqliteConnectionFactory.OpenReadOnly(path);
            var summary = BacktestRunner.Run(connection, rules, from, to, report.WriteEvent,
                n => errors.WriteLine($"backtest: {ValidateCommand.Plural(n, "event")} replayed…"), cancellationToken);
            report.WriteSummary(summary);
            return RulesExit.Ok;
        }
        catch (SqliteException ex)
        {
            errors.WriteLine($"alertengine rules backtest: cannot read {path}: {ex.Message}");
            return RulesExit.Failed;
        }
    }

    private static Option<string> Time(string name, string description) => new(name)
    {
        Description = $"{description}: a local time in the team's time zone (2026-11-01 or 2026-11-01 08:00) or an ISO instant (2026-11-01T00:00:00Z).",
        HelpName = "TIME",
        Required = true,
    };

    private static bool ReadTime(string text, string option, TimeZoneInfo zone, TextWriter errors, out DateTimeOffset instant)
    {
        if (RuleInstant.TryParse(text, zone, out instant))
        {
            return true;
        }

        errors.WriteLine($"alertengine rules backtest: {option} '{text}' is not a time: use {RuleInstant.Accepted}.");
        return false;
    }
}

/// <summary>What <c>rules backtest</c> was asked: the window as typed, the candidate folder, the database, whether to list every event.</summary>
internal sealed record BacktestArguments(string From, string To, string? Rules, string? Database, bool All);

using System.CommandLine;
using System.Text;
using AlertEngine.Classify;
using AlertEngine.Host.Commands.Rules;
using AlertEngine.Reports;
using AlertEngine.Storage;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Host.Commands.Report;

/// <summary>
/// <c>alertengine report handover [--from --to] [--format html|md|json] [--out FILE]</c>: the
/// handover report of a shift, from the database opened read-only, the rules folder (roster,
/// calendar, maintenance) and the configuration's <c>Reports</c> section (shift changes, zone,
/// language). Default: the shift that just ended, as HTML, to standard output.
/// </summary>
internal static class HandoverReportCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from") { Description = $"The shift's start; default the shift change before --to. {RuleInstant.Accepted}.", HelpName = "TIME" };
        var to = new Option<string?>("--to") { Description = "The shift's end (exclusive); default the last shift change (Reports:Schedules), so the shift that just ended.", HelpName = "TIME" };
        var format = new Option<string>("--format") { Description = "html (default, a self-contained page), md (Markdown for chat) or json.", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "md", "markdown", "json");
        var output = new Option<string?>("--out") { Description = "Write the report to this file instead of standard output.", HelpName = "FILE" };
        var language = new Option<string?>("--language") { Description = "Labels in en or zh-CN; default Reports:Language (en).", HelpName = "LANG" };
        var rules = RulesCommandOptions.Rules();
        var database = new Option<string?>("--database")
        {
            Description = "The engine's SQLite database, opened read-only. Default: Storage:DatabasePath from the configuration (data/alertengine.db).",
            HelpName = "PATH",
        };
        var command = new Command("handover", "The shift-handover report: open tickets with their clocks, what was opened, acknowledged, resolved and breached, PROBLEM tickets, noisy triggers and hosts, pages, held pages, maintenance, calendar warnings, the next shift on duty.")
        {
            from, to, format, output, language, rules, database,
        };
        command.SetAction((parse, ct) => Task.FromResult(Run(
            new HandoverRequest(parse.GetValue(from), parse.GetValue(to), parse.GetValue(format) ?? "html", parse.GetValue(output), parse.GetValue(language), parse.GetValue(rules), parse.GetValue(database)),
            TimeProvider.System, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error)));
        return command;
    }

    public static int Run(HandoverRequest request, TimeProvider time, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        const string name = "report handover";
        var options = RulesSetup.Section<ReportsOptions>(ReportsOptions.SectionName);
        if (request.Language is { } wanted)
        {
            options.Language = wanted;
        }

        if (new ReportsOptionsValidator().Validate(null, options) is { Failed: true } invalid)
        {
            foreach (var failure in invalid.Failures)
            {
                errors.WriteLine($"alertengine {name}: {failure}.");
            }

            return RulesExit.Usage;
        }

        var (rules, _, exit) = RulesSetup.Load(request.Rules, output, errors, name);
        if (rules is null)
        {
            return exit;
        }

        var schedule = ShiftSchedule.From(options, HandoverReports.ZoneOf(options, rules));
        if (!TryReadShift(request, schedule, time.GetUtcNow(), errors, out var shift))
        {
            return RulesExit.Usage;
        }

        var path = Path.GetFullPath(RulesSetup.DatabasePath(request.Database));
        if (!File.Exists(path))
        {
            errors.WriteLine($"alertengine {name}: no database at {path}. Give one with --database PATH or set Storage:DatabasePath.");
            return RulesExit.Usage;
        }

        _ = ReportLanguageNames.TryParse(options.Language, out var language);
        _ = ReportFormatNames.TryParse(request.Format, out var format);
        string text;
        try
        {
            using var connection = SqliteConnectionFactory.OpenReadOnly(path);
            text = ReportRendering.Render(HandoverReportBuilder.Build(connection, rules, shift, time.GetUtcNow(), language), format, language);
        }
        catch (SqliteException ex)
        {
            errors.WriteLine($"alertengine {name}: cannot read {path}: {ex.Message}");
            return RulesExit.Failed;
        }

        if (request.Out is null)
        {
            output.Write(text);
            return RulesExit.Ok;
        }

        try
        {
            File.WriteAllText(request.Out, text, new UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"alertengine {name}: cannot write {Path.GetFullPath(request.Out)}: {ex.Message}");
            return RulesExit.Failed;
        }

        errors.WriteLine($"alertengine {name}: wrote the shift {Minute(shift, shift.From)} – {Minute(shift, shift.To)} ({shift.TimeZone.Id}) to {Path.GetFullPath(request.Out)}");
        return RulesExit.Ok;
    }

    private static string Minute(ReportShift shift, DateTimeOffset instant) =>
        shift.Local(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The shift asked for: both ends given; one end and the shift change next to it; or the shift that just ended.</summary>
    private static bool TryReadShift(HandoverRequest request, ShiftSchedule schedule, DateTimeOffset now, TextWriter errors, out ReportShift shift)
    {
        var zone = schedule.TimeZone;
        DateTimeOffset? from = null, to = null;
        var ok = true;
        foreach (var (field, text) in new[] { ("from", request.From), ("to", request.To) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!RuleInstant.TryParse(text, zone, out var instant))
            {
                errors.WriteLine($"alertengine report handover: --{field} '{text}' is not {RuleInstant.Accepted}.");
                ok = false;
            }
            else if (field == "from")
            {
                from = instant;
            }
            else
            {
                to = instant;
            }
        }

        shift = (from, to) switch
        {
            ({ } f, { } t) => new ReportShift(f, t, zone),
            ({ } f, null) => new ReportShift(f, now, zone),
            (null, { } t) => schedule.EndingAt(t),
            _ => schedule.JustEnded(now),
        };
        if (ok && shift.From >= shift.To)
        {
            errors.WriteLine("alertengine report handover: --from must be before --to.");
            ok = false;
        }

        return ok;
    }
}

/// <summary>What <c>alertengine report handover</c> was asked for.</summary>
internal sealed record HandoverRequest(string? From, string? To, string Format, string? Out, string? Language, string? Rules, string? Database);

using System.CommandLine;

namespace AlertEngine.Host.Commands.Rules;

/// <summary><c>alertengine rules validate [DIR]</c>: every error of a rules folder, or one OK line.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var dir = new Argument<string?>("DIR")
        {
            Description = "The rules folder. Default: Rules:Folder from the configuration, else ./rules.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("validate", "Check a rules folder: prints every error as file:line:column: reason and exits 1, or one OK line and exits 0.") { dir };
        command.SetAction(parse => Run(parse.GetValue(dir), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string? dir, TextWriter output, TextWriter errors)
    {
        var (folder, _) = RulesSetup.Folder(dir);
        var (rules, source, exit) = RulesSetup.LoadFolder(folder, output, errors, "validate");
        if (rules is null)
        {
            return exit;
        }

        output.WriteLine($"OK {source}: {Plural(rules.Files.Count, "file")}, {Plural(rules.RuleCount, "rule")}, "
            + $"{Plural(rules.MaintenanceCount, "maintenance window")} (time zone {rules.Settings.TimeZone.Id}, default team {rules.Settings.DefaultTeam}, "
            + $"holidays {(rules.Calendar.CoveredUntil is { } until ? $"until {until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}" : "none")}).");
        return RulesExit.Ok;
    }

    internal static string Plural(long count, string noun) =>
        $"{count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";
}

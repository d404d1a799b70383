using System.CommandLine;
using AlertEngine.Classify.RuleTests;

namespace AlertEngine.Host.Commands.Rules;

/// <summary>
/// <c>alertengine rules test [DIR]</c>: runs every case in <c>DIR/tests/*.yaml</c> against the
/// rules in DIR, prints each failure as a diff with the case's file:line, then <c>N passed, N failed</c>.
/// </summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var dir = new Argument<string?>("DIR")
        {
            Description = "The rules folder; its cases are in DIR/tests/*.yaml. Default: Rules:Folder from the configuration, else ./rules.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("test", "Run the rules folder's test cases (DIR/tests/*.yaml): each failure prints as a diff; exits 1 on any failure or bad case file.") { dir };
        command.SetAction(parse => Run(parse.GetValue(dir), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string? dir, TextWriter output, TextWriter errors)
    {
        var (folder, _) = RulesSetup.Folder(dir);
        var (rules, source, exit) = RulesSetup.LoadFolder(folder, output, errors, "test");
        if (rules is null)
        {
            output.WriteLine("No case was run: the rules must load first (alertengine rules validate shows the same errors).");
            return exit;
        }

        var load = RuleCaseLoad.Read(folder, rules.Settings.TimeZone);
        if (!load.Found || load.Files.Count == 0)
        {
            errors.WriteLine($"alertengine rules test: no test cases in {Path.GetFullPath(load.Folder)}: write some in {RuleCaseLoad.TestsFolder}/*.yaml (see rules/tests/ in the repository).");
            return RulesExit.Usage;
        }

        foreach (var error in load.Errors)
        {
            output.WriteLine(error);
        }

        var results = RuleCaseRunner.Run(rules, load.Cases);
        foreach (var failure in results.Where(r => !r.Passed))
        {
            WriteFailure(output, failure);
        }

        var failed = results.Count(r => !r.Passed);
        var fileErrors = load.Errors.Count == 0 ? "" : $", {ValidateCommand.Plural(load.Errors.Count, "error")} in case files";
        output.WriteLine($"{results.Count - failed} passed, {failed} failed{fileErrors} ({ValidateCommand.Plural(load.Files.Count, "case file")}, rules {source}).");
        return failed > 0 || load.Errors.Count > 0 ? RulesExit.Failed : RulesExit.Ok;
    }

    private static void WriteFailure(TextWriter output, RuleCaseResult result)
    {
        output.WriteLine($"FAIL {result.Case.Where}: {result.Case.Name}");
        var width = result.Differences.Max(d => d.Key.Length) + 1;
        foreach (var d in result.Differences)
        {
            output.WriteLine($"  - {(d.Key + ":").PadRight(width)} {d.Expected}");
            output.WriteLine($"  + {(d.Key + ":").PadRight(width)} {d.Actual}");
        }

        output.WriteLine($"    why: {result.Actual.Reason}");
        output.WriteLine();
    }
}

using System.CommandLine;
using AlertEngine.Host.Commands.Rules;

namespace AlertEngine.Host.Commands;

/// <summary>
/// <c>alertengine rules</c>: the senior engineers' tools for the rules folder: <c>validate</c>,
/// <c>explain</c>, <c>test</c> and <c>backtest</c>. Exit codes: 0 fine, 1 invalid rules or a
/// failed case, 2 a usage error (including a bad option).
/// </summary>
internal static class RulesCommand
{
    public const string Name = "rules";

    public static Command Create()
    {
        var rules = new Command(Name, "Check, explain, test and backtest the rules folder (see rules/README.md).");
        rules.Subcommands.Add(ValidateCommand.Create());
        rules.Subcommands.Add(ExplainCommand.Create());
        rules.Subcommands.Add(TestCommand.Create());
        rules.Subcommands.Add(BacktestCommand.Create());
        return rules;
    }

    /// <summary>True when the command is <c>rules</c> or one of its subcommands.</summary>
    public static bool Owns(Command command) =>
        command.Name == Name || command.Parents.OfType<Command>().Any(p => p.Name == Name);
}

using System.CommandLine;
using AlertEngine.Host.Commands.Oncall;

namespace AlertEngine.Host.Commands;

/// <summary>
/// <c>alertengine oncall</c>: who holds each team's pager, from the rules folder's roster
/// (<c>rules/oncall.yaml</c>): <c>now</c> and <c>show</c>. Exit codes: 0 fine, 1 the rules do not
/// load, 2 a usage error (a bad time, an unknown team, a bad option).
/// </summary>
internal static class OncallCommand
{
    public const string Name = "oncall";

    public static Command Create()
    {
        var oncall = new Command(Name, "Who is on call: the roster of rules/oncall.yaml, now or over the next days.");
        oncall.Subcommands.Add(OncallNowCommand.Create());
        oncall.Subcommands.Add(OncallShowCommand.Create());
        return oncall;
    }

    /// <summary>True when the command is <c>oncall</c> or one of its subcommands.</summary>
    public static bool Owns(Command command) =>
        command.Name == Name || command.Parents.OfType<Command>().Any(p => p.Name == Name);
}

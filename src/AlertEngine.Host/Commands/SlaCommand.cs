using System.CommandLine;
using AlertEngine.Host.Commands.Sla;

namespace AlertEngine.Host.Commands;

/// <summary><c>alertengine sla</c>: the service agreement's figures from the database. Exit codes: 0 fine, 1 the database cannot be read, 2 a usage error.</summary>
internal static class SlaCommand
{
    public const string Name = "sla";

    public static Command Create()
    {
        var sla = new Command(Name, "SLA figures from the engine's database (deadlines met and breached, MTTA, MTTR).");
        sla.Subcommands.Add(SlaReportCommand.Create());
        return sla;
    }

    /// <summary>True when the command is <c>sla</c> or one of its subcommands.</summary>
    public static bool Owns(Command command) =>
        command.Name == Name || command.Parents.OfType<Command>().Any(p => p.Name == Name);
}

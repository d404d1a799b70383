using System.CommandLine;
using AlertEngine.Host.Commands.Report;

namespace AlertEngine.Host.Commands;

/// <summary><c>alertengine report</c>: reports from the engine's database. Exit codes: 0 written, 1 the rules or the database cannot be read, 2 a usage error.</summary>
internal static class ReportCommand
{
    public const string Name = "report";

    public static Command Create()
    {
        var report = new Command(Name, "Reports from the engine's database: the shift-handover report.");
        report.Subcommands.Add(HandoverReportCommand.Create());
        return report;
    }

    /// <summary>True when the command is <c>report</c> or one of its subcommands.</summary>
    public static bool Owns(Command command) =>
        command.Name == Name || command.Parents.OfType<Command>().Any(p => p.Name == Name);
}

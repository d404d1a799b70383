using System.CommandLine;

namespace AlertEngine.Host.Commands.Rules;

/// <summary>Options several rules commands share.</summary>
internal static class RulesCommandOptions
{
    /// <summary><c>--rules DIR</c>: the rules to use instead of the configured or ./rules folder.</summary>
    public static Option<string?> Rules() => new("--rules")
    {
        Description = "The rules folder. Default: Rules:Folder from the configuration, else ./rules, else the rules built into the engine.",
        HelpName = "DIR",
    };
}

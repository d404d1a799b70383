using AlertEngine.Classify;
using AlertEngine.Storage;

namespace AlertEngine.Host.Commands.Rules;

/// <summary>
/// Where the rules commands look when not told: the engine's own configuration (appsettings.json
/// beside the binary, ./alertengine.json, environment variables) for <c>Rules:Folder</c> and
/// <c>Storage:DatabasePath</c>, then <c>./rules</c>. Also loads a rules folder and prints its errors.
/// </summary>
internal static class RulesSetup
{
    public const string DefaultFolder = "rules";

    private static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), EngineApp.OperatorConfigFile), optional: true, reloadOnChange: false)
        .AddEnvironmentVariables()
        .AddEnvironmentVariables("AlertEngine__")
        .Build();

    /// <summary>An options section as the engine's configuration gives it (defaults where it says nothing).</summary>
    public static T Section<T>(string name)
        where T : new() => Configuration().GetSection(name).Get<T>() ?? new T();

    /// <summary>The folder given, else <c>Rules:Folder</c>, else <c>./rules</c>; and whether it was chosen by default.</summary>
    public static (string Folder, bool Explicit) Folder(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return (given, true);
        }

        var configured = Configuration()[$"{RulesOptions.SectionName}:{nameof(RulesOptions.Folder)}"];
        return string.IsNullOrWhiteSpace(configured) ? (DefaultFolder, false) : (configured, true);
    }

    /// <summary>The database given, else <c>Storage:DatabasePath</c> (default data/alertengine.db).</summary>
    public static string DatabasePath(string? given) =>
        !string.IsNullOrWhiteSpace(given) ? given
        : Configuration()[$"{StorageOptions.SectionName}:{nameof(StorageOptions.DatabasePath)}"] is { Length: > 0 } configured ? configured
        : new StorageOptions().DatabasePath;

    /// <summary>
    /// The rules to explain or replay with: the folder given or configured (which must exist), else
    /// ./rules when it exists, else the rules built into the engine, as the engine itself chooses.
    /// Null after printing why (missing folder: exit 2; invalid rules: exit 1).
    /// </summary>
    public static (RuleSet? Rules, string Source, int Exit) Load(string? given, TextWriter output, TextWriter errors, string command)
    {
        var (folder, isExplicit) = Folder(given);
        if (!isExplicit && !Directory.Exists(folder))
        {
            var builtIn = RuleSetLoader.Load(RuleSetLoader.EmbeddedDefaults());
            return (builtIn.Rules, "the rules built into the engine (no ./rules here, no --rules, no Rules:Folder)", RulesExit.Ok);
        }

        return LoadFolder(folder, output, errors, command);
    }

    /// <summary>Loads a folder that must exist; prints a missing folder (exit 2) or every error (exit 1).</summary>
    public static (RuleSet? Rules, string Source, int Exit) LoadFolder(string folder, TextWriter output, TextWriter errors, string command)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(folder))
        {
            // A command outside `rules` (`sla report`, `oncall now`) is named whole and takes the folder by --rules only.
            errors.WriteLine(command.Contains(' ', StringComparison.Ordinal)
                ? $"alertengine {command}: no rules folder at {full}. Give one (--rules DIR) or set Rules:Folder."
                : $"alertengine rules {command}: no rules folder at {full}. Give one (alertengine rules {command} DIR or --rules DIR) or set Rules:Folder.");
            return (null, full, RulesExit.Usage);
        }

        var load = RuleSetLoader.LoadFolder(folder);
        if (!load.Succeeded)
        {
            WriteErrors(output, load.Errors, $"the rules in {full} are not valid");
            return (null, full, RulesExit.Failed);
        }

        return (load.Rules, full, RulesExit.Ok);
    }

    /// <summary>Every error, <c>file:line:column: reason</c>, then a line counting them.</summary>
    public static void WriteErrors(TextWriter output, IReadOnlyList<RuleError> errors, string what)
    {
        foreach (var error in errors)
        {
            output.WriteLine(error);
        }

        output.WriteLine($"{errors.Count} {(errors.Count == 1 ? "error" : "errors")}: {what}.");
    }
}

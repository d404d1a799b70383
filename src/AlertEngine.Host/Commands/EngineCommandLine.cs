using System.CommandLine;
using AlertEngine.Classify;
using AlertEngine.Storage;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace AlertEngine.Host.Commands;

/// <summary>The `alertengine` command line: no sub-command runs the engine.</summary>
internal static class EngineCommandLine
{
    /// <summary>Exit code when the configuration is invalid.</summary>
    public const int ExitInvalidConfiguration = 2;

    /// <summary>Exit code when the HTTP address is already taken.</summary>
    public const int ExitAddressInUse = 3;

    /// <summary>Exit code when the database cannot be opened and written at start (a service manager restarts it).</summary>
    public const int ExitStorageUnavailable = 4;

    public static RootCommand Create()
    {
        var root = new RootCommand("AlertEngine: Zabbix events in, tickets with support levels out. Without a command it runs the engine.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((parse, ct) => RunEngineAsync([.. parse.UnmatchedTokens], Console.Error, ct));
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(SlaCommand.Create());
        root.Subcommands.Add(OncallCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses and runs the command line. A parse error (missing or bad option) under
    /// <c>alertengine rules</c>, <c>sla</c>, <c>oncall</c> or <c>report</c> exits with 2, the rules commands' usage error, rather than
    /// System.CommandLine's 1, which they keep for invalid rules and failed cases.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        var parse = Create().Parse(args);
        var exitCode = await parse.InvokeAsync(configuration, cancellationToken);
        var command = parse.CommandResult.Command;
        return parse.Errors.Count > 0 && (RulesCommand.Owns(command) || SlaCommand.Owns(command) || OncallCommand.Owns(command) || ReportCommand.Owns(command)) ? Rules.RulesExit.Usage : exitCode;
    }

    /// <summary>Runs the engine until Ctrl+C or SIGTERM; a configuration error exits with code 2 and names the key.</summary>
    public static async Task<int> RunEngineAsync(string[] args, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        try
        {
            var app = EngineApp.CreateBuilder(args).Build().MapEngine();
            await using (app)
            {
                // Every options class is checked here, before any service reads one, so that all
                // problems are reported together rather than only the first one a constructor meets.
                app.Services.GetService<IStartupValidator>()?.Validate();
                await app.RunAsync(cancellationToken);
            }

            return 0;
        }
        catch (Exception ex) when (ConfigurationFailures(ex) is { Count: > 0 } failures)
        {
            await errors.WriteLineAsync("AlertEngine cannot start: the configuration is invalid.");
            foreach (var failure in failures)
            {
                await errors.WriteLineAsync($"  - {failure}");
            }

            return ExitInvalidConfiguration;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
        {
            await errors.WriteLineAsync($"AlertEngine cannot start: {ex.Message}");
            return ExitInvalidConfiguration;
        }
        catch (RulesInvalidException ex)
        {
            await errors.WriteLineAsync($"AlertEngine cannot start: {ex.Message}; the engine does not run on rules nobody meant:");
            foreach (var error in ex.Errors)
            {
                await errors.WriteLineAsync($"  {error}");
            }

            await errors.WriteLineAsync("Fix them (alertengine rules validate shows the same list) and start again.");
            return ExitInvalidConfiguration;
        }
        catch (StorageUnavailableException ex)
        {
            await errors.WriteLineAsync($"AlertEngine cannot start: {ex.Message}");
            return ExitStorageUnavailable;
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            // Kestrel's message names the address ("Failed to bind to address http://127.0.0.1:5080: address already in use.").
            await errors.WriteLineAsync($"AlertEngine cannot start: {ex.Message} Another process listens there "
                + "(a second engine?). Stop it, or give this one another address with Urls (e.g. --Urls=http://127.0.0.1:5081).");
            return ExitAddressInUse;
        }
    }


    /// <summary>The validation failures inside an exception (one, or several aggregated), each naming its key.</summary>
    private static List<string> ConfigurationFailures(Exception ex) => ex switch
    {
        OptionsValidationException one => [.. one.Failures],
        AggregateException many => [.. many.InnerExceptions.SelectMany(ConfigurationFailures)],
        _ => [],
    };
}

using System.CommandLine;
using Microsoft.Extensions.Options;

namespace AlertEngine.Host.Commands;

/// <summary>The `alertengine` command line: no sub-command runs the engine.</summary>
internal static class EngineCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("AlertEngine: Zabbix events in, tickets with support levels out. Without a command it runs the engine.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((parse, ct) => RunEngineAsync([.. parse.UnmatchedTokens], ct));
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }

    /// <summary>Runs the engine until Ctrl+C or SIGTERM; a configuration error exits with code 2 and names the key.</summary>
    public static async Task<int> RunEngineAsync(string[] args, CancellationToken cancellationToken)
    {
        try
        {
            var app = EngineApp.CreateBuilder(args).Build().MapEngine();
            await using (app)
            {
                await app.RunAsync(cancellationToken);
            }

            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("AlertEngine cannot start: the configuration is invalid.");
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync($"  - {failure}");
            }

            return 2;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"AlertEngine cannot start: {ex.Message}");
            return 2;
        }
    }
}

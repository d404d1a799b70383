using System.Text.Json.Serialization;
using AlertEngine.Host.Endpoints;
using Microsoft.AspNetCore.Http.Json;

namespace AlertEngine.Host;

/// <summary>
/// Builds the engine's web application: configuration sources, the engine's services and
/// the HTTP endpoints. Used by the `alertengine` command, the benchmark and the tests alike.
/// </summary>
public static class EngineApp
{
    /// <summary>Operator configuration file read from the directory the engine is started in.</summary>
    public const string OperatorConfigFile = "alertengine.json";

    /// <summary>
    /// Configuration, lowest precedence first: the embedded appsettings.json beside the binary,
    /// ./alertengine.json, environment variables (plain ASP.NET style and AlertEngine__-prefixed),
    /// then the command line.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), OperatorConfigFile), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables("AlertEngine__")
            .AddCommandLine(args);

        builder.Services.AddAlertEngine();
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddHostedService<StartupBanner>();
        builder.Services.AddSingleton<StatusBoard>();
        return builder;
    }

    /// <summary>Maps the engine's endpoints on a built application.</summary>
    public static WebApplication MapEngine(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStatusCodePages();
        app.MapZabbixWebhook();
        app.MapTickets();
        app.MapSla();
        app.MapTwilio();
        app.MapAckLinks();
        app.MapStatusPage();
        app.MapHealth();
        app.MapEngineMetrics();
        return app;
    }
}

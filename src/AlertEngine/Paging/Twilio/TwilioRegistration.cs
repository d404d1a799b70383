using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertEngine.Paging.Twilio;

/// <summary>Registers the page gateway: Twilio when <c>Twilio:AccountSid</c> and <c>Twilio:AuthToken</c> are set, else the dry-run pager.</summary>
public static class TwilioRegistration
{
    /// <summary>How long a pooled connection to Twilio is reused before a fresh one (and a fresh DNS lookup).</summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Binds and validates <see cref="TwilioOptions"/> (at start), registers the named HttpClient
    /// <c>twilio</c> (sent to <c>Twilio:ApiBaseUrl</c>), the callback signature check and
    /// <see cref="IPageGateway"/>, chosen when first resolved from the options.
    /// </summary>
    public static IServiceCollection AddPageGateway(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>();

        // The library's REST client runs over this client; the handler sends its requests to
        // Twilio:ApiBaseUrl. The HttpClient timeout ends a request the Polly timeout gave up on
        // (the library cannot be cancelled).
        services.AddTransient<TwilioBaseAddressHandler>();
        services.AddHttpClient(TwilioPageGateway.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<TwilioOptions>>().Value.RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = ConnectionLifetime, AllowAutoRedirect = false })
            .AddHttpMessageHandler<TwilioBaseAddressHandler>();

        services.AddSingleton<TwilioSignature>();
        services.AddSingleton<IPageGateway>(sp => sp.GetRequiredService<IOptions<TwilioOptions>>().Value.Configured
            ? ActivatorUtilities.CreateInstance<TwilioPageGateway>(sp)
            : new DryRunPageGateway(sp.GetRequiredService<ILogger<DryRunPageGateway>>()));
        services.AddHostedService<TwilioWarmUp>();
        return services;
    }
}

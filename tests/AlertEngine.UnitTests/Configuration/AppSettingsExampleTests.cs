using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Security.Cryptography;
using AlertEngine.Ingest;
using AlertEngine.Ingest.Zabbix;
using AlertEngine.Outbox;
using AlertEngine.Paging.Twilio;
using AlertEngine.Pipeline;
using AlertEngine.Storage;
using AlertEngine.Tickets.Api;
using AlertEngine.UnitTests.Ingest.Zabbix;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertEngine.UnitTests.Configuration;

/// <summary>
/// appsettings.example.json cannot rot: it lists every option of every options class (found by
/// reflection, so a new one cannot be forgotten), binds without unknown keys, and with the
/// secrets an operator sets from the environment passes every validator the engine has.
/// </summary>
public sealed class AppSettingsExampleTests
{
    private const string EnvironmentPrefix = "AlertEngine__";

    private static readonly Assembly Engine = typeof(StorageOptions).Assembly;

    // rule, key, out-of-range value (set from the environment)
    public static TheoryData<string, string, string> OutOfRange => new()
    {
        { "body limit below 1 KiB", "Ingest:MaxBodyBytes", "10" },
        { "write batch of zero", "Ingest:WriteBatchSize", "0" },
        { "queue below 100", "Ingest:QueueCapacity", "99" },
        { "Retry-After of zero", "Ingest:RetryAfter", "00:00:00" },
        { "poll interval above 5 minutes", "Pipeline:PollInterval", "00:05:01" },
        { "pipeline batch above 10000", "Pipeline:BatchSize", "10001" },
        { "busy timeout of an hour", "Storage:BusyTimeout", "01:00:00" },
        { "no database path", "Storage:DatabasePath", "" },
        { "checkpoint interval of zero", "Storage:CheckpointInterval", "00:00:00" },
        { "WAL cap below 1 MiB", "Storage:MaxWalBytes", "1048575" },
        { "secret too short", "Zabbix:Servers:main:WebhookSecret", "short" },
        { "quiet check every hour and a second", "Correlate:QuietCheckInterval", "01:00:01" },
        { "API token shorter than 32", "Api:Tokens:desk", "only-31-characters-long-0123456" },
        { "API token still the placeholder", "Api:Tokens:desk", "CHANGE-ME-but-long-enough-to-pass-the-length-check" },
        { "outbox poll above 5 minutes", "Outbox:PollInterval", "00:05:01" },
        { "outbox zero attempts", "Outbox:MaxAttempts", "0" },
        { "outbox first wait of zero", "Outbox:RetryBackoff", "00:00:00" },
        { "outbox longest wait below the first", "Outbox:MaxBackoff", "00:00:05" },
        { "Zabbix API URL not absolute", "Zabbix:Servers:main:Api:Url", "zabbix.example.com/api_jsonrpc.php" },
        { "Zabbix API token still the placeholder", "Zabbix:Servers:main:Api:Token", "CHANGE-ME-please" },
        { "Zabbix API poll every 4 seconds", "Zabbix:Servers:main:Api:PollInterval", "00:00:04" },
        { "Zabbix API 11 read retries", "Zabbix:Servers:main:Api:ReadRetries", "11" },
        { "Zabbix API timeout of zero", "Zabbix:Servers:main:Api:Timeout", "00:00:00" },
    };

    [Fact]
    public void OptionsClasses_FoundByReflection_IncludeTheKnownOnes()
    {
        var found = OptionsClasses().Select(o => o.Type).ToList();

        Assert.Contains(typeof(StorageOptions), found);
        Assert.Contains(typeof(IngestOptions), found);
        Assert.Contains(typeof(PipelineOptions), found);
        Assert.Contains(typeof(ZabbixOptions), found);
        Assert.Contains(typeof(ApiOptions), found);
        Assert.Contains(typeof(OutboxOptions), found);
        Assert.Contains(Validators(), v => v.OptionsType == typeof(ZabbixOptions));
        Assert.Contains(Validators(), v => v.OptionsType == typeof(ApiOptions));
        Assert.Contains(typeof(TwilioOptions), found);
        Assert.Contains(Validators(), v => v.OptionsType == typeof(TwilioOptions));
    }

    // rule, key, out-of-range value, with a Twilio account set from the environment (AddPageGateway, not AddAlertEngine, registers these)
    public static TheoryData<string, string, string> TwilioOutOfRange => new()
    {
        { "Twilio request timeout of zero", "Twilio:RequestTimeout", "00:00:00" },
        { "Twilio ring time above 10 minutes", "Twilio:CallTimeout", "00:10:01" },
        { "Twilio breaker ratio above 1", "Twilio:BreakerFailureRatio", "1.5" },
        { "Twilio API URL not absolute", "Twilio:ApiBaseUrl", "api.twilio.com" },
        { "Twilio from number not E.164", "Twilio:FromNumber", "13800138000" },
        { "Twilio SID not AC", "Twilio:AccountSid", "SK0123456789abcdef0123456789abcdef" },
    };

    [Fact]
    public void Example_AsIs_TwilioIsDryRun()
    {
        var twilio = Example(WithSecrets()).GetSection(TwilioOptions.SectionName).Get<TwilioOptions>()!;

        Assert.False(twilio.Configured);
    }

    [Fact]
    public void Example_WithTwilioAccount_PassesEveryValidator()
    {
        var failures = ValidateAll(Example(WithTwilioAccount()));

        Assert.Empty(failures);
    }

    [Fact]
    public void Example_TwilioSidWithoutToken_FailsNamingAuthToken()
    {
        var overlay = WithTwilioAccount();
        overlay.Remove(EnvironmentPrefix + "Twilio__AuthToken");

        var failures = ValidateAll(Example(overlay));

        Assert.Contains(failures, f => f.StartsWith("Twilio:AuthToken is required", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TwilioOutOfRange))]
    public void Example_TwilioOutOfRangeValue_FailsNamingTheKey(string rule, string key, string value)
    {
        var overlay = WithTwilioAccount();
        overlay[EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var failures = ValidateAll(Example(overlay));

        Assert.True(failures.Count == 1, $"{rule}: {string.Join(" | ", failures)}");
        Assert.Contains(key, failures[0], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TwilioOutOfRange))]
    public void AddPageGateway_TwilioOutOfRangeValue_FailsWhenItsOptionsAreRead(string rule, string key, string value)
    {
        var overlay = WithTwilioAccount();
        overlay[EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(Example(overlay));
        services.AddPageGateway();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TwilioOptions>>().Value);

        Assert.True(ex.Message.Contains(key, StringComparison.Ordinal), $"{rule}: {ex.Message}");
    }

    /// <summary>The secrets plus a Twilio account: SID, number and (from the environment) the auth token.</summary>
    private static Dictionary<string, string> WithTwilioAccount()
    {
        var overlay = WithSecrets();
        overlay[EnvironmentPrefix + "Twilio__AccountSid"] = "AC0123456789abcdef0123456789abcdef";
        overlay[EnvironmentPrefix + "Twilio__AuthToken"] = RandomNumberGenerator.GetHexString(32, lowercase: true);
        overlay[EnvironmentPrefix + "Twilio__FromNumber"] = "+15005550006";
        return overlay;
    }

    [Fact]
    public void Example_WithSecretsFromEnvironment_PassesEveryValidator()
    {
        var failures = ValidateAll(Example(WithSecrets()));

        Assert.Empty(failures);
    }

    [Fact]
    public void Example_AsIs_FailsNamingThePlaceholderSecret()
    {
        var failures = ValidateAll(Example());

        Assert.Contains(failures, f => f.Contains("Zabbix:Servers:main:WebhookSecret", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Api:Tokens:desk", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Zabbix:Servers:main:Api:Token", StringComparison.Ordinal));
    }

    [Fact]
    public void Example_ListsEveryPropertyOfEveryOptionsClass()
    {
        var example = Example();

        var missing = OptionsClasses()
            .SelectMany(o => MissingKeys(o.Type, example.GetSection(o.SectionName)))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Example_ListsAtLeastOneZabbixServer()
    {
        Assert.NotEmpty(ZabbixServerNames(Example()));
    }

    [Fact]
    public void Example_ListsAtLeastOneApiToken()
    {
        Assert.NotEmpty(ApiTokenNames(Example()));
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Example_OutOfRangeValue_FailsNamingTheKey(string rule, string key, string value)
    {
        var overlay = WithSecrets();
        overlay[EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var failures = ValidateAll(Example(overlay));

        Assert.True(failures.Count == 1, $"{rule}: {string.Join(" | ", failures)}");
        Assert.Contains(key, failures[0], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void AddAlertEngine_OutOfRangeValue_FailsWhenItsOptionsAreRead(string rule, string key, string value)
    {
        var overlay = WithSecrets();
        overlay[EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        using var services = EngineServices(Example(overlay));
        var section = key.Split(':')[0];
        var type = OptionsClasses().Single(o => o.SectionName == section).Type;

        var ex = Assert.Throws<OptionsValidationException>(() => ReadOptions(services, type));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
        Assert.True(ex.OptionsType == type, rule);
    }

    [Fact]
    public void AddAlertEngine_ExampleWithSecrets_EveryOptionsClassReads()
    {
        using var services = EngineServices(Example(WithSecrets()));

        foreach (var (type, _) in OptionsClasses())
        {
            Assert.NotNull(ReadOptions(services, type));
        }
    }

    /// <summary>Every concrete class named *Options with a <c>const string SectionName</c>.</summary>
    private static IReadOnlyList<(Type Type, string SectionName)> OptionsClasses() =>
    [
        .. from type in Engine.GetTypes()
           where type.IsClass && !type.IsAbstract && type.Name.EndsWith("Options", StringComparison.Ordinal)
           let field = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)
           where field is { IsLiteral: true } && field.FieldType == typeof(string)
           select (type, (string)field.GetRawConstantValue()!),
    ];

    /// <summary>Every IValidateOptions&lt;T&gt; implementation in the engine, with its T.</summary>
    private static IReadOnlyList<(Type Validator, Type OptionsType)> Validators() =>
    [
        .. from type in Engine.GetTypes()
           where type.IsClass && !type.IsAbstract
           from contract in type.GetInterfaces()
           where contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IValidateOptions<>)
           select (type, contract.GetGenericArguments()[0]),
    ];

    /// <summary>
    /// What an operator exports: AlertEngine__Zabbix__Servers__{name}__WebhookSecret for every
    /// server, AlertEngine__Zabbix__Servers__{name}__Api__Token for every server with an API URL,
    /// and AlertEngine__Api__Tokens__{name} for every API token in the example.
    /// </summary>
    private static Dictionary<string, string> WithSecrets() =>
        ZabbixServerNames(Example()).Select(name => $"{EnvironmentPrefix}{ZabbixOptions.SectionName}__Servers__{name}__WebhookSecret")
            .Concat(ZabbixApiServerNames(Example()).Select(name => $"{EnvironmentPrefix}{ZabbixOptions.SectionName}__Servers__{name}__Api__Token"))
            .Concat(ApiTokenNames(Example()).Select(name => $"{EnvironmentPrefix}{ApiOptions.SectionName}__Tokens__{name}"))
            .Concat(Example().GetSection($"{ApiOptions.SectionName}:ReadOnlyTokens").GetChildren().Select(t => $"{EnvironmentPrefix}{ApiOptions.SectionName}__ReadOnlyTokens__{t.Key}"))
            .ToDictionary(variable => variable, _ => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32));

    private static List<string> ZabbixServerNames(IConfiguration configuration) =>
        [.. configuration.GetSection($"{ZabbixOptions.SectionName}:Servers").GetChildren().Select(s => s.Key)];

    private static List<string> ZabbixApiServerNames(IConfiguration configuration) =>
        [.. configuration.GetSection($"{ZabbixOptions.SectionName}:Servers").GetChildren().Where(s => !string.IsNullOrEmpty(s["Api:Url"])).Select(s => s.Key)];

    private static List<string> ApiTokenNames(IConfiguration configuration) =>
        [.. configuration.GetSection($"{ApiOptions.SectionName}:Tokens").GetChildren().Select(s => s.Key)];

    /// <summary>
    /// The example file with environment variables on top, read as the engine's AlertEngine__-prefixed
    /// environment source reads them (prefix dropped, "__" for ':'), without touching the process environment.
    /// </summary>
    private static IConfigurationRoot Example(Dictionary<string, string>? environment = null) =>
        new ConfigurationBuilder()
            .AddJsonFile(RepositoryRoot.Combine("appsettings.example.json"), optional: false, reloadOnChange: false)
            .AddInMemoryCollection((environment ?? []).ToDictionary(
                v => v.Key[EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal),
                v => (string?)v.Value))
            .Build();

    /// <summary>Binds every options class and runs DataAnnotations and every validator on it; returns all failures.</summary>
    private static List<string> ValidateAll(IConfiguration configuration)
    {
        var failures = new List<string>();
        var validators = Validators();
        foreach (var (type, sectionName) in OptionsClasses())
        {
            var options = Activator.CreateInstance(type)!;
            configuration.GetSection(sectionName).Bind(options, o => o.ErrorOnUnknownConfiguration = true);

            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => r.ErrorMessage ?? $"{sectionName}: {string.Join(", ", r.MemberNames)} is not valid"));
            }

            foreach (var (validatorType, _) in validators.Where(v => v.OptionsType == type))
            {
                var validator = Activator.CreateInstance(validatorType)!;
                var validate = typeof(IValidateOptions<>).MakeGenericType(type).GetMethod(nameof(IValidateOptions<object>.Validate))!;
                var result = (ValidateOptionsResult)validate.Invoke(validator, [Options.DefaultName, options])!;
                if (result.Failed)
                {
                    failures.AddRange(result.Failures!);
                }
            }
        }

        var orphans = validators.Where(v => !OptionsClasses().Any(o => o.Type == v.OptionsType)).ToList();
        failures.AddRange(orphans.Select(v => $"{v.Validator.Name} validates {v.OptionsType.Name}, which has no SectionName"));
        return failures;
    }

    /// <summary>Keys of <paramref name="type"/>'s public properties that <paramref name="section"/> lacks, recursing into classes and dictionaries of classes.</summary>
    private static IEnumerable<string> MissingKeys(Type type, IConfigurationSection section)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var child = section.GetSection(property.Name);
            if (!child.Exists())
            {
                yield return child.Path;
                continue;
            }

            var propertyType = property.PropertyType;
            if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                // A dictionary of plain values (Api:Tokens) needs only its section; one of classes, each entry's keys.
                var valueType = propertyType.GetGenericArguments()[1];
                var entries = valueType.IsClass && valueType != typeof(string) ? child.GetChildren() : [];
                foreach (var missing in entries.SelectMany(entry => MissingKeys(valueType, entry)))
                {
                    yield return missing;
                }
            }
            else if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(List<>))
            {
                // A list of values (Reports:Schedules): present with at least one entry is enough.
                continue;
            }
            else if (propertyType.IsClass && propertyType != typeof(string))
            {
                foreach (var missing in MissingKeys(propertyType, child))
                {
                    yield return missing;
                }
            }
        }
    }

    private static ServiceProvider EngineServices(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddAlertEngine();
        return services.BuildServiceProvider();
    }

    private static object ReadOptions(IServiceProvider services, Type optionsType)
    {
        var accessor = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(optionsType));
        try
        {
            return accessor.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(accessor)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}

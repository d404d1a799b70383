using System.Security.Cryptography;
using System.Text;
using AlertEngine.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertEngine.Classify;

/// <summary>
/// Holds the rule set the engine runs and swaps it atomically when the folder changes. A
/// change is loaded only once the files have stayed the same for one check (no half-saved
/// file, no git checkout in progress); a set with errors is rejected whole, its errors go to
/// the log, <c>/healthz</c> and a metric, and the last good set keeps running.
/// </summary>
public sealed partial class RuleSetProvider
{
    private const string DefaultFolder = "rules";

    private readonly EngineMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<RuleSetProvider> _logger;
    private readonly Lock _checking = new();
    private RuleSet? _current;
    private RulesStatus? _status;
    private string? _applied;
    private string? _pending;
    private string? _rejected;

    public RuleSetProvider(IOptions<RulesOptions> options, EngineMetrics metrics, TimeProvider time, ILogger<RuleSetProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metrics = metrics;
        _time = time;
        _logger = logger;
        var configured = options.Value.Folder;
        Folder = !string.IsNullOrWhiteSpace(configured) ? configured : Directory.Exists(DefaultFolder) ? DefaultFolder : null;
    }

    /// <summary>The folder the rules come from, or null when the engine runs its built-in rules.</summary>
    public string? Folder { get; }

    public string Source => Folder is null ? "the built-in rules" : $"the rules folder {Path.GetFullPath(Folder)}";

    /// <summary>The rule set running now.</summary>
    public RuleSet Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("the rules have not been loaded yet: RuleReloader loads them at start");

    public RulesStatus Status => Volatile.Read(ref _status) ?? throw new InvalidOperationException("the rules have not been loaded yet");

    /// <summary>Loads the rules at start; throws <see cref="RulesInvalidException"/> with every error when they are bad.</summary>
    public void LoadAtStart()
    {
        var (sources, folderError) = Read();
        var load = folderError is not null ? new RuleSetLoad(null, [folderError]) : RuleSetLoader.Load(sources);
        if (!load.Succeeded)
        {
            throw new RulesInvalidException(Source, load.Errors);
        }

        Apply(load.Rules!, Fingerprint(sources, null));
        _metrics.RulesState(valid: true, load.Rules!.RuleCount);
        if (Folder is null)
        {
            LogBuiltIn(_logger, DefaultFolder, load.Rules.RuleCount);
        }
        else
        {
            var folder = Path.GetFullPath(Folder);
            LogLoaded(_logger, folder, load.Rules.RuleCount, load.Rules.MaintenanceCount);
        }
    }

    /// <summary>Looks at the folder once; applies or rejects a change that has settled.</summary>
    public void CheckForChanges()
    {
        if (Folder is null)
        {
            return;
        }

        lock (_checking)
        {
            var (sources, folderError) = Read();
            var fingerprint = Fingerprint(sources, folderError);
            if (fingerprint == _applied)
            {
                _pending = null;
                if (_rejected is not null)
                {
                    // The folder is back to the set that runs (e.g. the bad change was reverted).
                    _rejected = null;
                    Volatile.Write(ref _status, Status with { Rejected = null });
                    _metrics.RulesState(valid: true, Current.RuleCount);
                    LogBackToRunning(_logger, Current.RuleCount);
                }

                return;
            }

            if (fingerprint == _rejected)
            {
                return;
            }

            if (fingerprint != _pending)
            {
                _pending = fingerprint;
                return;
            }

            _pending = null;
            var load = folderError is not null ? new RuleSetLoad(null, [folderError]) : RuleSetLoader.Load(sources);
            if (load.Succeeded)
            {
                _rejected = null;
                Apply(load.Rules!, fingerprint);
                _metrics.RulesReloaded(applied: true, load.Rules!.RuleCount);
                var folder = Path.GetFullPath(Folder);
                LogReloaded(_logger, folder, load.Rules.RuleCount, load.Rules.MaintenanceCount);
                return;
            }

            _rejected = fingerprint;
            Volatile.Write(ref _status, Status with { Rejected = new RejectedRules(_time.GetUtcNow(), load.Errors) });
            _metrics.RulesReloaded(applied: false, Current.RuleCount);
            var errors = string.Join(Environment.NewLine, load.Errors);
            LogRejected(_logger, load.Errors.Count, errors, Current.RuleCount);
        }
    }

    private void Apply(RuleSet rules, string fingerprint)
    {
        Volatile.Write(ref _current, rules);
        Volatile.Write(ref _status, new RulesStatus(Source, _time.GetUtcNow(), rules.RuleCount, rules.MaintenanceCount, null));
        _applied = fingerprint;
    }

    private (IReadOnlyList<RuleSource> Sources, RuleError? Error) Read()
    {
        if (Folder is null)
        {
            return (RuleSetLoader.EmbeddedDefaults(), null);
        }

        try
        {
            var sources = RuleSetLoader.ReadFolder(Folder, out var error);
            return (sources, error);
        }
        catch (IOException ex)
        {
            return ([], new RuleError(Folder, 0, 0, $"cannot read the rules folder: {ex.Message}"));
        }
        catch (UnauthorizedAccessException ex)
        {
            return ([], new RuleError(Folder, 0, 0, $"cannot read the rules folder: {ex.Message}"));
        }
    }

    private static string Fingerprint(IReadOnlyList<RuleSource> sources, RuleError? error)
    {
        var text = new StringBuilder(error?.ToString() ?? "");
        foreach (var source in sources)
        {
            text.Append('\0').Append(source.Name).Append('\0').Append(source.Text);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rules loaded from {Folder}: {Rules} rules, {Windows} maintenance windows")]
    private static partial void LogLoaded(ILogger logger, string folder, int rules, int windows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No ./{Folder} folder here and Rules:Folder is not set: running the {Rules} rules built into the engine")]
    private static partial void LogBuiltIn(ILogger logger, string folder, int rules);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rules reloaded from {Folder}: {Rules} rules, {Windows} maintenance windows now run")]
    private static partial void LogReloaded(ILogger logger, string folder, int rules, int windows);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rules change rejected with {Count} errors; the last good set ({Rules} rules) keeps running:\n{Errors}")]
    private static partial void LogRejected(ILogger logger, int count, string errors, int rules);

    [LoggerMessage(Level = LogLevel.Information, Message = "The rules folder is back to the set that runs ({Rules} rules)")]
    private static partial void LogBackToRunning(ILogger logger, int rules);
}

using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using AlertEngine.Storage;

namespace AlertEngine.Host.Commands.Bench.OutOfProcess;

/// <summary>
/// The engine as operators run it: <c>dotnet alertengine.dll</c> from this benchmark's own output
/// folder, as a separate process, so that its start-up time and memory are its own. It listens on a
/// free 127.0.0.1 port, stores in the given database file and accepts Zabbix server <c>bench</c>,
/// whose secret it gets from the environment (never the command line). Killed on dispose if
/// still running.
/// </summary>
internal sealed partial class EngineProcess : IAsyncDisposable
{
    public const string SecretVariable = EngineProcessConfig.VariablePrefix + "Zabbix__Servers__" + EngineUnderTest.ServerName + "__WebhookSecret";
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly OutputTail _output;
    private readonly long _started;
    private readonly string _databasePath;
    private readonly HttpClient _control = new(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(2) }) { Timeout = TimeSpan.FromSeconds(10) };

    private EngineProcess(Process process, OutputTail output, long started, string databasePath, Uri baseUri, string secret)
    {
        _process = process;
        _databasePath = Path.GetFullPath(databasePath);
        _output = output;
        _started = started;
        BaseUri = baseUri;
        Target = new LoadTarget("engine", new Uri(baseUri, $"/api/v1/zabbix/{EngineUnderTest.ServerName}/events"), secret);
    }

    public Uri BaseUri { get; }

    public LoadTarget Target { get; }

    public int Id => _process.Id;

    /// <summary>Starts the process; the clock of <see cref="WaitHealthyAsync"/> starts just before it.</summary>
    public static EngineProcess Start(EngineProcessConfig config, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(config);
        var assembly = Path.Combine(AppContext.BaseDirectory, typeof(EngineApp).Assembly.GetName().Name + ".dll");
        if (!File.Exists(assembly))
        {
            throw new BenchFailedException($"the built engine is not where this benchmark runs from: {assembly} is missing");
        }

        var baseUri = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var secret = RandomNumberGenerator.GetHexString(48, lowercase: true);
        var start = new ProcessStartInfo(DotnetHost(), [assembly])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory.GetCurrentDirectory(),
        };
        foreach (var (key, value) in config.Settings)
        {
            start.Environment[EngineProcessConfig.VariableFor(key)] = value;
        }

        start.Environment[EngineProcessConfig.VariableFor("Urls")] = baseUri.GetLeftPart(UriPartial.Authority);
        start.Environment[EngineProcessConfig.VariableFor($"{StorageOptions.SectionName}:{nameof(StorageOptions.DatabasePath)}")] = databasePath;
        start.Environment[SecretVariable] = secret;

        var output = new OutputTail(30);
        var started = Stopwatch.GetTimestamp();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BenchFailedException($"could not start {start.FileName} {assembly}");
        }
        catch (Win32Exception ex)
        {
            throw new BenchFailedException($"could not start `{start.FileName} {assembly}` (is the .NET runtime on PATH?): {ex.Message}", ex);
        }


        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new EngineProcess(process, output, started, databasePath, baseUri, secret);
    }

    /// <summary>The process's memory now; fails the benchmark when it cannot be read (the process has exited).</summary>
    public ProcessMemory ReadMemory() => ProcessMemory.Read(_process) ?? throw new BenchFailedException(
        _process.HasExited
            ? $"engine process {_process.Id} exited with code {_process.ExitCode}; its last output:{Environment.NewLine}{_output}"
            : $"could not read the memory of engine process {_process.Id}");

    /// <summary>The process's memory now, or null once it has exited (for sampling while it runs).</summary>
    public ProcessMemory? TryReadMemory() => ProcessMemory.Read(_process);

    /// <summary>CPU time the process has used so far (user + system, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
        }
    }

    /// <summary>Sends SIGTERM and waits for a graceful exit (the inbox writer answers its queue first); returns how long stopping took.</summary>
    public async Task<TimeSpan> StopAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (!_process.HasExited)
        {
            ProcessSignals.Terminate(_process);
        }

        using (var timeout = new CancellationTokenSource(StopWait, TimeProvider.System))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken))
        {
            try
            {
                await _process.WaitForExitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                _process.Kill(entireProcessTree: true);
                throw new BenchFailedException($"the engine did not stop within {Text.Duration(StopWait)} of SIGTERM and was killed; its last output:{Environment.NewLine}{_output}");
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        return _process.ExitCode == 0
            ? elapsed
            : throw new BenchFailedException($"the engine exited with code {_process.ExitCode} when asked to stop; its last output:{Environment.NewLine}{_output}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), TimeProvider.System);
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"bench: could not make sure engine process {_process.Id} ended: {ex.Message}");
        }

        _process.Dispose();
        _control.Dispose();
    }

    /// <summary>A port the OS says is free on 127.0.0.1 now (the engine binds it a moment later).</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The <c>dotnet</c> that runs this benchmark, else the one on PATH.</summary>
    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// The built <c>alertengine</c> host as a separate process (<c>dotnet alertengine.dll</c>, built
/// beside the tests through the project reference) on a SQLite file and a free 127.0.0.1 port,
/// with one Zabbix server <see cref="Server"/> whose secret comes from the environment. It can be
/// killed with SIGKILL, as a crash would end it; its stdout and stderr are kept to show on failure.
/// </summary>
internal sealed class EngineProcess : IAsyncDisposable
{
    public const string Server = "crash";
    public const string Secret = "secret-for-the-crash-test-0001";

    /// <summary>Exit code of a process ended by SIGKILL (128 + 9).</summary>
    private const int KilledExitCode = 137;
    private const int KeptLines = 300;
    private static readonly TimeSpan HealthPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly HttpClient _client;
    private readonly Queue<string> _output = new();

    private EngineProcess(Process process, Uri baseAddress, string name)
    {
        _process = process;
        BaseAddress = baseAddress;
        Name = name;
        _client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Where the built host is: artifacts/bin/AlertEngine.Host/&lt;the tests' own pivot, e.g. release&gt;/alertengine.dll.</summary>
    public static string HostDll { get; } = RepositoryRoot.File("artifacts", "bin", "AlertEngine.Host", new DirectoryInfo(AppContext.BaseDirectory).Name, "alertengine.dll");

    public string Name { get; }

    public Uri BaseAddress { get; }

    public Uri EventsUri => new(BaseAddress, $"/api/v1/zabbix/{Server}/events");

    public bool HasExited => _process.HasExited;

    /// <summary>Its error and critical log entries (the line after "fail:" or "crit:" holds the message).</summary>
    public IEnumerable<string> ErrorLines()
    {
        var lines = Output.Split('\n');
        return lines.Select((l, i) => (l, i))
            .Where(x => x.l.StartsWith("fail:", StringComparison.Ordinal) || x.l.StartsWith("crit:", StringComparison.Ordinal))
            .Select(x => $"{Name}: {x.l} {(x.i + 1 < lines.Length ? lines[x.i + 1].Trim() : "")}");
    }

    /// <summary>The last lines the engine wrote on stdout and stderr.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>
    /// Starts the engine without waiting for it to listen; <paramref name="settings"/> (configuration
    /// keys such as <c>Twilio:ApiBaseUrl</c>) go on its command line.
    /// </summary>
    public static EngineProcess Start(string databasePath, string name, IReadOnlyDictionary<string, string?>? settings = null)
    {
        if (!File.Exists(HostDll))
        {
            throw new FileNotFoundException($"the alertengine host is not built at {HostDll}; build the solution (the test project references the host)", HostDll);
        }

        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { HostDll, $"--Urls={baseAddress.ToString().TrimEnd('/')}", $"--Storage:DatabasePath={databasePath}" },
            // No ./alertengine.json of the caller's is read: the engine starts beside its database.
            WorkingDirectory = Path.GetDirectoryName(databasePath),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment[$"AlertEngine__Zabbix__Servers__{Server}__WebhookSecret"] = Secret;
        var process = new Process { StartInfo = start };
        var engine = new EngineProcess(process, baseAddress, name);
        process.OutputDataReceived += (_, e) => engine.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => engine.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return engine;
    }

    /// <summary>Starts the engine and waits until /healthz says ok; tries another port if the free one was taken meanwhile.</summary>
    public static async Task<EngineProcess> StartHealthyAsync(string databasePath, string name, TimeSpan timeout, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? settings = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var engine = Start(databasePath, name, settings);
            try
            {
                await engine.WaitHealthyAsync(timeout, cancellationToken);
                return engine;
            }
            catch (EngineProcessException) when (attempt < 3 && engine.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await engine.DisposeAsync();
            }
            catch
            {
                await engine.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Polls /healthz until the engine answers 200 "ok"; fails when it exits or the deadline passes.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await PollHealthAsync(h => h.Status == "ok", "healthy", timeout, cancellationToken);

    /// <summary>Polls /healthz until the pipeline has processed every inbox event (backlog 0).</summary>
    public async Task<HealthReport> WaitIdleAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await PollHealthAsync(h => h.Inbox?.Backlog == 0, "idle (inbox backlog 0)", timeout, cancellationToken);

    /// <summary>Kills the process with SIGKILL; returns true when it was still running and died of the kill.</summary>
    public async Task<bool> KillAsync(CancellationToken cancellationToken)
    {
        if (_process.HasExited)
        {
            return false;
        }

        _process.Kill();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ExitWait);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode == KilledExitCode;
    }

    /// <summary>How the process ended, for failure messages.</summary>
    public string Describe() => _process.HasExited ? $"{Name} exited with code {_process.ExitCode}" : $"{Name} is running";

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private async Task<HealthReport> PollHealthAsync(Func<HealthReport, bool> done, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        HealthReport? last = null;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new EngineProcessException($"{Describe()} before it was {what}:\n{Output}");
            }

            try
            {
                using var response = await _client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                last = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<HealthReport>(cancellationToken) : null;
                if (last is not null && done(last))
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet, or too busy to answer within the client's timeout: ask again.
            }

            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                throw new EngineProcessException($"{Name} was not {what} within {timeout.TotalSeconds:0} s (last /healthz: {last}):\n{Output}");
            }

            await Task.Delay(HealthPoll, TimeProvider.System, cancellationToken);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptLines)
            {
                _output.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>What GET /healthz says, as far as the tests need it.</summary>
    internal sealed record HealthReport(string Status, InboxCounts? Inbox);

    internal sealed record InboxCounts(long Backlog, long Poisoned);
}

/// <summary>The engine process ended or stalled where it should have been running; the message carries its output.</summary>
internal sealed class EngineProcessException(string message) : Exception(message);

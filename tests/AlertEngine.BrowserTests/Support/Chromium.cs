using System.Diagnostics;

namespace AlertEngine.BrowserTests.Support;

/// <summary>
/// Headless Chromium from the command line: the DOM after the page's scripts ran (<c>--dump-dom</c>)
/// and screenshots (<c>--screenshot</c>). Each run gets a fresh profile folder and at most
/// <see cref="RunLimit"/>; a run that exits non-zero, cannot load its page or hits a script error fails
/// with Chromium's own output. Without Chromium the tests fail (never skip) with <see cref="NotFound"/>.
/// </summary>
internal static class Chromium
{
    /// <summary>The environment variable that names the browser's executable, ahead of the PATH.</summary>
    public const string PathVariable = "ALERTENGINE_CHROMIUM";

    public const string NotFound =
        "Chromium not found: install Debian's chromium package (apt-get install chromium) or set ALERTENGINE_CHROMIUM to the browser's path; .ci/run installs it.";

    /// <summary>How long one run may take before its process tree is killed.</summary>
    public static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Virtual time the page gets to run its scripts and timers before the DOM is taken: the status
    /// page's countdown ticks at once and then every second, so 3 s of it run at least twice.
    /// </summary>
    public const int VirtualTimeBudgetMs = 3000;

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    private static readonly Lazy<string> Executable = new(Find);

    /// <summary>The DOM as serialised after the page loaded and its scripts ran for <see cref="VirtualTimeBudgetMs"/>.</summary>
    public static async Task<string> DumpDomAsync(Uri page, int width, int height)
    {
        var run = await RunAsync(page, width, height, "--dump-dom");
        Assert.True(run.Output.Contains("</html>", StringComparison.OrdinalIgnoreCase), $"Chromium printed no document for {page}:\n{run}");
        return run.Output;
    }

    /// <summary>Saves a PNG of the page's first <paramref name="width"/> × <paramref name="height"/> CSS pixels.</summary>
    public static async Task ScreenshotAsync(Uri page, int width, int height, string png)
    {
        File.Delete(png);
        var run = await RunAsync(page, width, height, $"--screenshot={png}");
        Assert.True(File.Exists(png), $"Chromium wrote no screenshot to {png}:\n{run}");
    }

    private static async Task<ChromiumRun> RunAsync(Uri page, int width, int height, string action)
    {
        var profile = Directory.CreateTempSubdirectory("alertengine-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Executable.Value)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                // --no-sandbox: Chromium's sandbox refuses to start as root, which CI containers are.
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                // Console messages (an uncaught script error among them) go to stderr, where RunAsync looks for them.
                "--enable-logging=stderr", "--v=0",
                $"--user-data-dir={profile}", $"--window-size={width},{height}", $"--virtual-time-budget={VirtualTimeBudgetMs}",
                action, page.AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable.Value} did not start");
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var limit = new CancellationTokenSource(RunLimit, TimeProvider.System);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, TestContext.Current.CancellationToken);
            try
            {
                await process.WaitForExitAsync(either.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish {page} within {RunLimit.TotalSeconds} s and was killed");
            }

            var run = new ChromiumRun(process.ExitCode, await output, await errors);
            Assert.True(run.ExitCode == 0, $"Chromium exited with {run.ExitCode} on {page}:\n{run}");
            Assert.False(run.Errors.Contains("Page load failed", StringComparison.Ordinal), $"Chromium could not load {page}:\n{run}");
            Assert.False(run.Errors.Contains("Uncaught", StringComparison.Ordinal), $"A script on {page} threw:\n{run}");
            return run;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"{PathVariable}={configured} does not exist. {NotFound}");
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return Names.SelectMany(name => folders.Select(folder => Path.Combine(folder, name))).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(NotFound);
    }

    /// <summary>One finished run: its exit code, stdout, and the end of its stderr (Chromium logs a lot there).</summary>
    private sealed record ChromiumRun(int ExitCode, string Output, string Errors)
    {
        public override string ToString()
        {
            var lines = Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return $"exit code {ExitCode}; stdout {Output.Length} chars; stderr (last 30 lines):\n{string.Join('\n', lines.TakeLast(30))}";
        }
    }
}

namespace AlertEngine.Host.Commands.Bench.Suite;

/// <summary>One benchmark of <c>alertengine bench</c>, set up with its settings; <see cref="BenchSuite"/> runs it.</summary>
internal interface IBenchmark
{
    /// <summary>The subcommand that runs it alone (ingest, startup, memory, overload, storm), also its key in the JSON.</summary>
    string Name { get; }

    /// <summary>Runs it, writing progress lines; throws <see cref="BenchFailedException"/> when it cannot do its work.</summary>
    Task<IBenchResult> RunAsync(MachineInfo machine, TextWriter progress, CancellationToken cancellationToken);
}

/// <summary>What a benchmark found: its printed report, its summary lines, its JSON section and its exit code.</summary>
internal interface IBenchResult
{
    string Name { get; }

    /// <summary>0 done (targets may still FAIL), 1 events lost or the benchmark broke, 3 a target missed with --enforce.</summary>
    int ExitCode { get; }

    /// <summary>The lowest level the engine logged at while measured (per-request logs cost throughput); null when it did not run.</summary>
    LogLevel? EngineLogLevel { get; }

    /// <summary>Headline figures and PASS/FAIL checks, for the summary table of <c>bench all</c> and the JSON.</summary>
    IReadOnlyList<SummaryLine> Summary { get; }

    /// <summary>Everything measured, as plain data for the JSON file.</summary>
    object Details { get; }

    Task WriteAsync(TextWriter output);
}

namespace AlertEngine.Host.Commands.Bench;

/// <summary>The targets (issue #3) the engine is judged by when it runs as a separate process.</summary>
internal static class EngineTargets
{
    /// <summary>The engine process's resident memory stays below this, at its peak (VmHWM).</summary>
    public const long MaxResidentBytes = 200_000_000;

    /// <summary>At 1.5× its capacity, the requests the engine accepts are answered within this, at p99 (ms).</summary>
    public const double MaxOverloadP99Ms = 50.0;

    /// <summary>Where the time-to-healthy clock gives up on an engine process.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
}

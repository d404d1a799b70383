namespace AlertEngine.Host.Commands.Bench.Startup;

/// <summary>What one <c>alertengine bench startup</c> run does.</summary>
/// <param name="Runs">Pairs of starts: each on a fresh database, then again on the database that start migrated.</param>
/// <param name="StartTimeout">Longest wait for <c>/healthz</c> to answer 200 before the run fails.</param>
internal sealed record StartupSettings(int Runs, TimeSpan StartTimeout)
{
    public const int MaxRuns = 20;
    public const int DefaultRuns = 5;
    public const int QuickRuns = 2;

    public static StartupSettings Defaults(bool quick) => new(quick ? QuickRuns : DefaultRuns, EngineTargets.StartTimeout);
}

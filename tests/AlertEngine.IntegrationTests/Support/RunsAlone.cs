namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// Tests that load the whole machine (an engine process under a storm of requests) run in this
/// collection: alone, after the parallel ones, so that neither they nor the others time out on
/// a small machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "runs alone";
}

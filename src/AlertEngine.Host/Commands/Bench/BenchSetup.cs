using AlertEngine.Ingest;
using AlertEngine.Pipeline;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>Everything a reader needs to compare a report with another: machine, build, log levels, engine settings, load.</summary>
internal sealed record BenchSetup(
    MachineInfo Machine,
    IngestBenchSettings Settings,
    LogLevel EngineLogLevel,
    LogLevel BareLogLevel,
    IngestOptions Ingest,
    PipelineOptions Pipeline,
    int BodyBytes);

using AlertEngine.Host.Commands;

// `alertengine` runs the engine; `alertengine bench` measures it (ingest, startup, memory, overload);
// `alertengine rules` validates, explains, tests and backtests the rules folder. See README.md.
return await EngineCommandLine.InvokeAsync(args);

using AlertEngine.Host.Commands;

// `alertengine` runs the engine; `alertengine bench` measures it (ingest, startup, memory, overload). See README.md.
return await EngineCommandLine.Create().Parse(args).InvokeAsync();

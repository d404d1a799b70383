using AlertEngine.Host.Commands;

// `alertengine` runs the engine; `alertengine bench ingest` measures intake. See README.md.
return await EngineCommandLine.Create().Parse(args).InvokeAsync();

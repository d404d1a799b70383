using Prometheus;

namespace AlertEngine.Pipeline;

/// <summary>
/// The garbage collector on <c>/metrics</c>, beside prometheus-net's own <c>dotnet_*</c> figures
/// (collections, total memory): how long it paused the engine, how much the engine allocated, and
/// how much memory it holds committed against the heap it needs. Pauses stop every request and
/// page in flight, so they are what to read a latency tail against; committed memory is most of
/// the engine's resident set. Read from the runtime when the registry is collected.
/// </summary>
public static class GcStats
{
    public static void Register(CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        var pause = factory.CreateCounter("dotnet_gc_pause_seconds_total", "Time the garbage collector paused the engine since start.");
        var allocated = factory.CreateCounter("dotnet_gc_allocated_bytes_total", "Bytes the engine allocated on the managed heap since start.");
        var committed = factory.CreateGauge("dotnet_gc_committed_bytes", "Memory the garbage collector holds committed (heap, free space kept for reuse, bookkeeping), as of the last collection.");
        var heap = factory.CreateGauge("dotnet_gc_heap_size_bytes", "Size of the managed heap, free space inside it included, as of the last collection.");
        registry.AddBeforeCollectCallback(() =>
        {
            pause.IncTo(GC.GetTotalPauseDuration().TotalSeconds);
            allocated.IncTo(GC.GetTotalAllocatedBytes());
            var info = GC.GetGCMemoryInfo();
            committed.Set(info.TotalCommittedBytes);
            heap.Set(info.HeapSizeBytes);
        });
    }
}

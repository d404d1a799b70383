using System.ComponentModel.DataAnnotations;

namespace AlertEngine.Ingest;

/// <summary>How the webhook takes events in (section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Largest webhook body accepted, in bytes; larger is 413. Default 65536 (64 KiB).</summary>
    [Range(1024, 1_048_576, ErrorMessage = "Ingest:MaxBodyBytes must be between 1024 and 1048576 bytes")]
    public int MaxBodyBytes { get; set; } = 65_536;

    /// <summary>
    /// Most events the inbox writer commits in one transaction (group commit). Each request
    /// waits for its own batch's commit. Default 512.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Ingest:WriteBatchSize must be between 1 and 10000")]
    public int WriteBatchSize { get; set; } = 512;

    /// <summary>
    /// Most events waiting for the inbox writer. Beyond it the webhook answers 503 with
    /// Retry-After instead of letting latency grow (Zabbix retries). Default 20000.
    /// </summary>
    [Range(100, 1_000_000, ErrorMessage = "Ingest:QueueCapacity must be between 100 and 1000000")]
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>
    /// Most webhook requests being read, checked and stored at once. One more is answered 503 with
    /// Retry-After at once, before its body is read, instead of waiting: past what the machine can
    /// absorb, that keeps the accepted requests fast and the memory bounded. Default 128, far
    /// above what Zabbix sends at once (one request per alerter process, 3 by default, per server).
    /// </summary>
    [Range(16, 100_000, ErrorMessage = "Ingest:MaxConcurrentRequests must be between 16 and 100000")]
    public int MaxConcurrentRequests { get; set; } = 128;

    /// <summary>What the 503's Retry-After header says when the queue is full. Default 00:00:05.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Ingest:RetryAfter must be between 00:00:01 and 00:10:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);
}

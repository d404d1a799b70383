using System.Reflection;
using AlertEngine.Tickets;
using Prometheus;

namespace AlertEngine.Pipeline;

/// <summary>
/// The engine's own counters and histograms, served at <c>GET /metrics</c> in Prometheus text
/// format (prometheus-net). Each engine has its own registry, so two engines in one process
/// (tests) never add up. Labels take only bounded values: configured server names, outcome
/// names, levels — never a host name, customer or anything else a request can choose.
/// </summary>
public sealed class EngineMetrics
{
    /// <summary>Latency buckets for a webhook request: 0.25 ms to about 4 s.</summary>
    private static readonly double[] RequestSeconds = Histogram.ExponentialBuckets(0.00025, 2, 15);

    private readonly Counter _webhookRequests;
    private readonly Histogram _webhookStoreSeconds;
    private readonly Histogram _writeBatchEvents;
    private readonly Histogram _commitSeconds;
    private readonly Histogram _logSyncSeconds;
    private readonly Counter _writeFailures;
    private readonly Counter _eventsProcessed;
    private readonly Histogram _eventSeconds;
    private readonly Histogram _stageSeconds;
    private readonly Counter _ticketsOpened;
    private readonly Counter _ticketsResolved;
    private readonly Gauge _queueDepth;
    private readonly Gauge _backlog;
    private readonly Gauge _poisoned;
    private readonly Gauge _storageWritable;
    private readonly Counter _ruleReloads;
    private readonly Gauge _rulesValid;
    private readonly Gauge _rulesLoaded;
    private readonly Counter _zabbixApiCalls;
    private readonly Gauge _zabbixApiUp;

    public EngineMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(Registry);
        GcStats.Register(Registry);
        Storage.SqliteMemoryStats.Register(Registry);
        var factory = Metrics.WithCustomRegistry(Registry);

        var version = typeof(EngineMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        factory.CreateGauge("alertengine_build_info", "Always 1; the version label says which engine answers.", "version").WithLabels(version).Set(1);

        _webhookRequests = factory.CreateCounter(
            "alertengine_webhook_requests_total",
            "Webhook requests by Zabbix server and outcome: accepted, duplicate, invalid, busy, unavailable, unauthorized, unknown_server, too_large.",
            "server",
            "outcome");
        _webhookStoreSeconds = factory.CreateHistogram(
            "alertengine_webhook_store_seconds",
            "Time from a webhook request's start to its event being committed (accepted or duplicate).",
            new HistogramConfiguration { Buckets = RequestSeconds });
        _writeBatchEvents = factory.CreateHistogram(
            "alertengine_inbox_write_batch_events",
            "Events the inbox writer committed together in one transaction (group commit).",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(1, 2, 10) });
        _commitSeconds = factory.CreateHistogram(
            "alertengine_inbox_commit_seconds",
            "Time the inbox writer took to take the write lock, insert and commit one batch (the fsync that makes it durable is alertengine_inbox_log_sync_seconds).",
            new HistogramConfiguration { Buckets = RequestSeconds });
        _logSyncSeconds = factory.CreateHistogram(
            "alertengine_inbox_log_sync_seconds",
            "Time of one fsync of the write-ahead log that makes committed inbox batches durable; their requests are answered after it.",
            new HistogramConfiguration { Buckets = RequestSeconds });
        _writeFailures = factory.CreateCounter(
            "alertengine_inbox_write_failures_total",
            "Inbox batches that could not be committed or made durable (the senders got 503 and retry).");
        _eventsProcessed = factory.CreateCounter(
            "alertengine_pipeline_events_total",
            "Inbox events the pipeline finished, by result: processed, stopped (a stage said nothing to do) or poisoned (set aside).",
            "result");
        _eventSeconds = factory.CreateHistogram(
            "alertengine_pipeline_event_seconds",
            "Time to run the stages for one inbox event.",
            new HistogramConfiguration { Buckets = RequestSeconds });
        _stageSeconds = factory.CreateHistogram(
            "alertengine_pipeline_stage_seconds",
            "Time one stage took for one inbox event, by stage (normalise, classify, correlate, deadline, page_plan): where processing time goes.",
            new HistogramConfiguration { LabelNames = ["stage"], Buckets = Histogram.ExponentialBuckets(0.000016, 2, 16) });
        _ticketsOpened = factory.CreateCounter("alertengine_tickets_opened_total", "Tickets opened, by type and level.", "type", "level");
        _ticketsResolved = factory.CreateCounter("alertengine_tickets_resolved_total", "Tickets resolved, by type.", "type");
        _queueDepth = factory.CreateGauge("alertengine_intake_queue_events", "Webhook events waiting for the inbox writer (beyond Ingest:QueueCapacity the webhook answers 503).");
        _backlog = factory.CreateGauge("alertengine_inbox_backlog_events", "Stored events the pipeline has not processed yet.");
        _poisoned = factory.CreateGauge("alertengine_inbox_poisoned_events", "Events set aside because processing them failed twice (see /healthz).");
        _storageWritable = factory.CreateGauge("alertengine_storage_writable", "1 when the last scrape could write to the database, else 0.");

        _ruleReloads = factory.CreateCounter(
            "alertengine_rules_reloads_total",
            "Rules folder reloads after a change, by result: applied (the new set runs) or rejected (errors; the last good set keeps running).",
            "result");
        _rulesValid = factory.CreateGauge("alertengine_rules_valid", "1 when the rules folder as it is on disk is the set running, 0 when its last change was rejected.");
        _rulesLoaded = factory.CreateGauge("alertengine_rules_loaded", "Rules in the set running now.");
        _zabbixApiCalls = factory.CreateCounter(
            "alertengine_zabbix_api_calls_total",
            "Zabbix API calls (after retries) by server, JSON-RPC method and result: ok, error (Zabbix answered with an error) or unreachable (no answer, timeout, 5xx, circuit open).",
            "server",
            "method",
            "result");
        _zabbixApiUp = factory.CreateGauge("alertengine_zabbix_api_up", "1 when the last call to this Zabbix server's API got an answer, else 0.", "server");
        _ruleReloads.WithLabels("applied");
        _ruleReloads.WithLabels("rejected");

        _webhookRequests.WithLabels(WebhookOutcome.UnknownServerLabel, WebhookOutcome.UnknownServer);
        foreach (var result in (string[])["processed", "stopped", "poisoned"])
        {
            _eventsProcessed.WithLabels(result);
        }

        foreach (var level in Enum.GetNames<SupportLevel>())
        {
            _ticketsOpened.WithLabels(nameof(TicketType.ALERT), level);
            _ticketsOpened.WithLabels(nameof(TicketType.PROBLEM), level);
        }

        _ticketsResolved.WithLabels(nameof(TicketType.ALERT));
    }

    /// <summary>The registry <c>/metrics</c> serves.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Shows every webhook outcome of each configured server at 0.</summary>
    public void ShowWebhookServers(IEnumerable<string> servers)
    {
        ArgumentNullException.ThrowIfNull(servers);
        foreach (var server in servers)
        {
            foreach (var outcome in WebhookOutcome.ForConfiguredServer)
            {
                _webhookRequests.WithLabels(server, outcome);
            }
        }
    }

    public void WebhookRequest(string server, string outcome) => _webhookRequests.WithLabels(server, outcome).Inc();

    public void WebhookStored(TimeSpan elapsed) => _webhookStoreSeconds.Observe(elapsed.TotalSeconds);

    public void InboxBatchCommitted(int events, TimeSpan elapsed)
    {
        _writeBatchEvents.Observe(events);
        _commitSeconds.Observe(elapsed.TotalSeconds);
    }

    public void InboxBatchFailed() => _writeFailures.Inc();

    public void InboxLogSynced(TimeSpan elapsed) => _logSyncSeconds.Observe(elapsed.TotalSeconds);

    /// <summary>
    /// Totals of the inbox writer since start: batches committed, events in them, and seconds
    /// spent on them (waiting for the write lock, inserting, committing). The benchmark takes the
    /// difference over a run.
    /// </summary>
    public InboxWriterTotals InboxWriterTotals() => new(
        _writeBatchEvents.Count, (long)_writeBatchEvents.Sum, TimeSpan.FromSeconds(_commitSeconds.Sum), _logSyncSeconds.Count, TimeSpan.FromSeconds(_logSyncSeconds.Sum));

    public void EventFinished(string result, TimeSpan elapsed)
    {
        _eventsProcessed.WithLabels(result).Inc();
        _eventSeconds.Observe(elapsed.TotalSeconds);
    }

    /// <summary>Where a stage's time per event is recorded, under its <see cref="StageName"/>; take it once per stage.</summary>
    public Action<TimeSpan> StageTimer(Type stage)
    {
        var child = _stageSeconds.WithLabels(StageName(stage));
        return elapsed => child.Observe(elapsed.TotalSeconds);
    }

    /// <summary>A stage's label: its type's name without "Stage", in snake case (PagePlanStage: page_plan).</summary>
    public static string StageName(Type stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var name = stage.Name.EndsWith("Stage", StringComparison.Ordinal) ? stage.Name[..^"Stage".Length] : stage.Name;
        return string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
    }

    public void EventPoisoned() => _eventsProcessed.WithLabels("poisoned").Inc();

    public void TicketOpened(string type, string level) => _ticketsOpened.WithLabels(type, level).Inc();

    public void TicketResolved(string type) => _ticketsResolved.WithLabels(type).Inc();

    /// <summary>Records a rules reload: applied or rejected, and how many rules now run.</summary>
    public void RulesReloaded(bool applied, int rulesRunning)
    {
        _ruleReloads.WithLabels(applied ? "applied" : "rejected").Inc();
        RulesState(applied, rulesRunning);
    }

    /// <summary>Sets the rules gauges (at start and after each reload).</summary>
    public void RulesState(bool valid, int rulesRunning)
    {
        _rulesValid.Set(valid ? 1 : 0);
        _rulesLoaded.Set(rulesRunning);
    }

    /// <summary>Counts one Zabbix API call: result ok, error or unreachable.</summary>
    public void ZabbixApiCall(string server, string method, string result) => _zabbixApiCalls.WithLabels(server, method, result).Inc();

    /// <summary>Whether the last call to this server's API got an answer.</summary>
    public void ZabbixApiUp(string server, bool up) => _zabbixApiUp.WithLabels(server).Set(up ? 1 : 0);

    /// <summary>Sets the gauges that are read at scrape time.</summary>
    public void SetState(int queueDepth, long? backlog, long? poisoned, bool storageWritable)
    {
        _queueDepth.Set(queueDepth);
        if (backlog is { } b)
        {
            _backlog.Set(b);
        }

        if (poisoned is { } p)
        {
            _poisoned.Set(p);
        }

        _storageWritable.Set(storageWritable ? 1 : 0);
    }
}

using AlertEngine.Classify;
using AlertEngine.Correlate;
using AlertEngine.Ingest;
using AlertEngine.Ingest.Zabbix;
using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.Ingest.Zabbix.Polling;
using AlertEngine.Outbox;
using AlertEngine.Paging;
using AlertEngine.Paging.Twilio;
using AlertEngine.Pipeline;
using AlertEngine.Reports;
using AlertEngine.Reports.Delivery;
using AlertEngine.Sla;
using AlertEngine.Storage;
using AlertEngine.Tickets;
using AlertEngine.Tickets.Api;
using AlertEngine.Watch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Quartz;

namespace AlertEngine;

/// <summary>The one place that shows how the engine is put together, in pipeline order.</summary>
public static class AlertEngineRegistration
{
    public static IServiceCollection AddAlertEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        // Options, validated at start: a bad value stops the engine with a message naming the key.
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ZabbixOptions>().BindConfiguration(ZabbixOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZabbixOptions>, ZabbixOptionsValidator>();
        services.AddOptions<RulesOptions>().BindConfiguration(RulesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CorrelateOptions>().BindConfiguration(CorrelateOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WatchOptions>().BindConfiguration(WatchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();

        // The engine's own metrics (GET /metrics), one registry per engine.
        services.AddSingleton<EngineMetrics>();
        services.AddHostedService<EngineStateGauges>();

        // Rules first: bad rules stop the engine before it touches the database; then they are
        // reloaded whenever the folder changes.
        services.AddSingleton<RuleSetProvider>();
        services.AddHostedService<RuleReloader>();

        // The rules' business calendar and SLA table: the SLA clock, and a warning while the holiday files do not cover the next 30 days.
        services.AddSingleton<ISlaClock, RulesSlaClock>();
        services.AddSingleton<CalendarCoverageWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<CalendarCoverageWatch>());

        // Storage next: migrations run before intake or processing start.
        services.AddSingleton<SqliteConnectionFactory>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<StorageHealth>();
        services.AddHostedService<MigrateOnStart>();
        services.AddSingleton<WalCheckpointer>();
        services.AddHostedService(sp => sp.GetRequiredService<WalCheckpointer>());

        // Ingest: webhook → inbox (group commit) → doorbell.
        services.AddSingleton<Doorbell>();
        services.AddSingleton<WebhookAuthenticator>();
        services.AddSingleton<InboxWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        services.AddSingleton<EventIntake>();
        services.AddSingleton<IntakeAdmission>();
        services.AddSingleton<WebhookActivity>();
        services.AddSingleton<InboxHealth>();
        services.AddSingleton<EventClockMonitor>();

        // Ingest: each Zabbix server's JSON-RPC API (Zabbix:Servers:{name}:Api), one named HttpClient per server.
        services.AddHttpClient();
        services.AddSingleton<IConfigureOptions<HttpClientFactoryOptions>, ZabbixApiHttpClients>();
        services.AddSingleton<IZabbixApiClients, ZabbixApiClients>();

        // Ingest from the Zabbix API: the poller stores what the webhook missed, through the same
        // inbox writer; one Quartz job per server with an API (ZabbixPollSchedule).
        services.AddSingleton<ZabbixPoller>();
        services.AddSingleton<PollMetrics>();

        // Processing: the stages, in the order they run.
        services.AddSingleton<IEventStage, NormaliseStage>();
        services.AddSingleton<IEventStage, ClassifyStage>();
        services.AddSingleton<IEventStage, CorrelateStage>();
        services.AddSingleton<IEventStage, DeadlineStage>();
        services.AddSingleton<IEventStage, PagePlanStage>();
        services.AddSingleton<PipelineRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<PipelineRunner>());

        // The ticket API's writes: people open tickets and move them, at the same write gate.
        services.AddSingleton<ApiTokenAuthenticator>();
        services.AddSingleton<TicketDesk>();

        // Outbox: every outgoing call is a row planned with the ticket change that needs it, then
        // sent once by OutboxSender (check → send → record), retried with backoff. Zabbix write-back
        // now (issue 6); pages have their own lane (Paging/PageSender, below).
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddSingleton<OutboxDoorbell>();
        services.AddSingleton<ZabbixWriteBack>();
        services.AddSingleton<IOutboxHandler, ZabbixWriteBackSender>();
        services.AddHostedService<OutboxSender>();

        // Paging: the page-plan stage starts a ticket's escalation chain (rules/escalation.yaml) and
        // plans its first pages with the ticket; the escalation job fires the later steps (durable
        // timers); the page sender sends pages in their own lane of the outbox through Twilio, or
        // the dry-run pager when Twilio is not configured; acknowledgements come back by SMS reply,
        // key press and one-tap link.
        services.AddOptions<PagingOptions>().BindConfiguration(PagingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<PagingOptions>, PagingOptionsValidator>();
        services.AddPageGateway();
        services.AddSingleton<PageDoorbell>();
        services.AddSingleton<PageMetrics>();
        services.AddSingleton<PageCallbacks>();
        services.AddSingleton<AckLinks>();
        services.AddSingleton<EscalationStepper>();
        services.AddSingleton<PageFailureEscalation>();
        services.AddSingleton<EscalationWatch>();
        services.AddSingleton<PageAcknowledger>();
        services.AddHostedService<PageSender>();

        // Watching the watcher: the "monitoring blind" self-alert per Zabbix server, and what /healthz says of each.
        services.AddSingleton<BlindMonitoringMetrics>();
        services.AddSingleton<BlindMonitoringWatch>();
        services.AddSingleton<ZabbixStatusReader>();

        // Reports: the shift-handover report at each shift change (written to the reports folder, then
        // mailed and posted through the outbox), and the data of the live status page.
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportsOptions>, ReportsOptionsValidator>();
        services.AddSingleton<ReportMetrics>();
        services.AddSingleton<HandoverReports>();
        services.AddSingleton<IOutboxHandler, ReportMailSender>();
        services.AddSingleton<IOutboxHandler, ReportWebhookSender>();
        services.AddHttpClient(ReportWebhookSender.ClientName);

        // SLA: the watcher gives deadlines to tickets opened outside the pipeline and escalates at each deadline, once.
        services.AddSingleton<SlaWatch>();

        // Jobs (Quartz, one at a time each): they read what is due from SQLite and take their turn at the write gate.
        services.AddSingleton<ProblemQuietCheck>();
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<ProblemQuietJob>(job => job.WithIdentity(ProblemQuietJob.Key));
            quartz.AddTrigger((sp, trigger) => trigger.ForJob(ProblemQuietJob.Key).StartNow().WithSimpleSchedule(s => s
                .WithInterval(sp.GetRequiredService<IOptions<CorrelateOptions>>().Value.QuietCheckInterval).RepeatForever()));
            quartz.AddJob<SlaWatchJob>(job => job.WithIdentity(SlaWatchJob.Key));
            quartz.AddTrigger((sp, trigger) => trigger.ForJob(SlaWatchJob.Key).StartNow().WithSimpleSchedule(s => s
                .WithInterval(sp.GetRequiredService<IOptions<SlaOptions>>().Value.WatchInterval).RepeatForever()));
            quartz.AddJob<EscalationJob>(job => job.WithIdentity(EscalationJob.Key));
            quartz.AddTrigger((sp, trigger) => trigger.ForJob(EscalationJob.Key).StartNow().WithSimpleSchedule(s => s
                .WithInterval(sp.GetRequiredService<IOptions<PagingOptions>>().Value.EscalationInterval).RepeatForever()));
            quartz.AddJob<BlindMonitoringJob>(job => job.WithIdentity(BlindMonitoringJob.Key));
            quartz.AddTrigger((sp, trigger) => trigger.ForJob(BlindMonitoringJob.Key).StartNow().WithSimpleSchedule(s => s
                .WithInterval(sp.GetRequiredService<IOptions<WatchOptions>>().Value.Interval).RepeatForever()));
        });
        services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);
        services.AddHostedService<ZabbixPollSchedule>();
        services.AddHostedService<HandoverReportSchedule>();

        return services;
    }
}

using AlertEngine.Pipeline;
using Prometheus;

namespace AlertEngine.Paging;

/// <summary>
/// The pager's counters, on the engine's registry: pages by channel and result
/// (<c>alertengine_pages_total{channel,result}</c>: sent, failed, retried, cancelled, held) and
/// acknowledgements by channel (<c>alertengine_page_acknowledgements_total{channel}</c>).
/// </summary>
public sealed class PageMetrics
{
    private readonly Counter _pages;
    private readonly Counter _acknowledgements;

    public PageMetrics(EngineMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var factory = Metrics.WithCustomRegistry(metrics.Registry);
        _pages = factory.CreateCounter(
            "alertengine_pages_total",
            "Pages by channel (sms, call) and result: sent, failed (for good), retried (a transient failure), cancelled (no longer needed), held (by the per-person limit).",
            "channel",
            "result");
        _acknowledgements = factory.CreateCounter(
            "alertengine_page_acknowledgements_total",
            "Tickets acknowledged from a page, by channel: sms (a reply), call (a key press), link (the one-tap link).",
            "channel");
        foreach (var channel in Enum.GetValues<PageChannel>())
        {
            foreach (var result in (string[])["sent", "failed", "retried", "cancelled", "held"])
            {
                _pages.WithLabels(channel.ToName(), result);
            }
        }
    }

    public void Page(PageChannel channel, string result, int count = 1) => _pages.WithLabels(channel.ToName(), result).Inc(count);

    public void Acknowledged(string channel) => _acknowledgements.WithLabels(channel).Inc();
}

using AlertEngine.Pipeline;

namespace AlertEngine.Paging;

/// <summary>
/// Wakes the <see cref="PageSender"/> after a commit that planned pages: its own bell, apart from the
/// pipeline's and the Zabbix write-backs', so a page never waits behind other outgoing calls. Carries
/// no data; a lost ring loses nothing because the sender also wakes on Outbox:PollInterval.
/// </summary>
public sealed class PageDoorbell
{
    private readonly Doorbell _bell = new();

    public void Ring() => _bell.Ring();

    public Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken) =>
        _bell.WaitAsync(interval, time, cancellationToken);
}

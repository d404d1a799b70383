using AlertEngine.Pipeline;

namespace AlertEngine.Outbox;

/// <summary>
/// Wakes the <see cref="OutboxSender"/> after a commit that added outbox rows. Its own bell
/// (a capacity-1 <see cref="Doorbell"/>), apart from the pipeline's: carries no data, and a lost
/// ring loses nothing because the sender also wakes on Outbox:PollInterval.
/// </summary>
public sealed class OutboxDoorbell
{
    private readonly Doorbell _bell = new();

    public void Ring() => _bell.Ring();

    /// <summary>Waits for a ring or until <paramref name="interval"/> passes on <paramref name="time"/>.</summary>
    public Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken) =>
        _bell.WaitAsync(interval, time, cancellationToken);
}

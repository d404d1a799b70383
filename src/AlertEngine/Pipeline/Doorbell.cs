using System.Threading.Channels;

namespace AlertEngine.Pipeline;

/// <summary>
/// Wakes the pipeline runner when new events are in the inbox. Carries no data: a capacity-1
/// channel that drops rings while one is pending, so a lost ring loses nothing — the runner
/// also wakes on its interval and reads what is due from the table.
/// </summary>
public sealed class Doorbell
{
    private readonly Channel<bool> _bell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Ring() => _bell.Writer.TryWrite(true);

    /// <summary>Waits for a ring or until <paramref name="interval"/> passes on <paramref name="time"/>.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_bell.Reader.TryRead(out _))
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(interval, time, timeout.Token);
        var ring = _bell.Reader.WaitToReadAsync(timeout.Token).AsTask();
        await Task.WhenAny(delay, ring);
        await timeout.CancelAsync();
        _bell.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}

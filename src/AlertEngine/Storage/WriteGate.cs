namespace AlertEngine.Storage;

/// <summary>
/// The one in-process turn at SQLite's single write lock. The inbox writer and the pipeline
/// runner take it around their transactions (so do the health check and the WAL checkpointer's
/// short finishing copy), so a waiting writer is woken the moment the other commits instead of
/// sleeping in SQLite's busy handler (which backs off up to 100 ms), and the runner can see that
/// intake or an urgent writer is waiting and hand the turn over early. A writer already waiting
/// is handed the turn when it is given back (SemaphoreSlim serves its async waiters in order),
/// before the runner's next turn.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _intakeWaiting;
    private int _urgentWaiting;

    /// <summary>True while the inbox writer waits for its turn: the runner should commit and let go.</summary>
    public bool IntakeWaiting => Volatile.Read(ref _intakeWaiting) > 0;

    /// <summary>
    /// True while the inbox writer or an urgent writer (a disaster's page) waits for its turn: the
    /// runner, the one long writer, should commit and let go.
    /// </summary>
    public bool UrgentWaiting => IntakeWaiting || Volatile.Read(ref _urgentWaiting) > 0;

    /// <summary>Takes the turn for the pipeline runner or any other writer that waits its turn.</summary>
    public async Task<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    /// <summary>
    /// Takes the turn for an urgent writer (the page sender with an L1 page): while it waits, the
    /// runner cuts its turn short after Pipeline:StormSlice instead of finishing its batch.
    /// </summary>
    public async Task<Turn> EnterUrgentAsync(CancellationToken cancellationToken)
    {
        if (_turn.Wait(0, CancellationToken.None))
        {
            return new Turn(_turn);
        }

        Interlocked.Increment(ref _urgentWaiting);
        try
        {
            await _turn.WaitAsync(cancellationToken);
            return new Turn(_turn);
        }
        finally
        {
            Interlocked.Decrement(ref _urgentWaiting);
        }
    }

    /// <summary>
    /// Takes the turn for the inbox writer, blocking its own thread, and lets the runner know it
    /// is waiting.
    /// </summary>
    public Turn EnterForIntake()
    {
        if (_turn.Wait(0, CancellationToken.None))
        {
            return new Turn(_turn);
        }

        Interlocked.Increment(ref _intakeWaiting);
        try
        {
            _turn.Wait(CancellationToken.None);
            return new Turn(_turn);
        }
        finally
        {
            Interlocked.Decrement(ref _intakeWaiting);
        }
    }

    public void Dispose() => _turn.Dispose();

    /// <summary>Holding the turn; dispose to give it back.</summary>
    public readonly struct Turn(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }
}

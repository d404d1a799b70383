namespace AlertEngine.Storage;

/// <summary>
/// The one in-process turn at SQLite's single write lock. The inbox writer and the pipeline
/// runner take it around their transactions (so do the health check and the WAL checkpointer's
/// short finishing copy), so a waiting writer is woken the moment the other commits instead of
/// sleeping in SQLite's busy handler (which backs off up to 100 ms), and the runner can see that
/// intake is waiting and hand the turn over early.
/// <para>
/// Intake comes first — except for a disaster. Once the inbox holds a disaster event the pipeline
/// has not taken yet (<see cref="DisasterStored"/> until <see cref="DisastersTaken"/>), or while a
/// writer waits for an urgent turn (<see cref="EnterUrgentAsync"/>: a page to an L1 going out), the
/// inbox writer lets the others go first for up to <see cref="MaxUrgentHold"/> per batch: a
/// disaster never waits behind a storm of warnings, and intake is never held for long.
/// </para>
/// </summary>
public sealed class WriteGate : IDisposable
{
    /// <summary>The longest the inbox writer lets urgent writers go first before it takes its turn anyway.</summary>
    public static readonly TimeSpan MaxUrgentHold = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly ManualResetEventSlim _noUrgent = new(initialState: true);
    private readonly Lock _urgentLock = new();
    private int _intakeWaiting;
    private int _urgentTurns;
    private long _disastersStored;
    private long _disastersTaken;

    /// <summary>True while the inbox writer waits for its turn: the runner should commit and let go.</summary>
    public bool IntakeWaiting => Volatile.Read(ref _intakeWaiting) > 0;

    /// <summary>True while a disaster is in the inbox that the pipeline has not taken yet, or an urgent writer waits.</summary>
    public bool UrgentWaiting => Volatile.Read(ref _urgentTurns) > 0 || Volatile.Read(ref _disastersTaken) < Volatile.Read(ref _disastersStored);

    /// <summary>A mark of the disasters stored so far; pass it to <see cref="DisastersTaken"/> once a read found none left.</summary>
    public long DisasterMark => Volatile.Read(ref _disastersStored);

    /// <summary>Takes the turn for the pipeline runner (or any other writer that yields to intake).</summary>
    public async Task<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        return new Turn(this, urgent: false);
    }

    /// <summary>Takes the turn ahead of intake (a page to an L1 going out); intake waits while this one does.</summary>
    public async Task<Turn> EnterUrgentAsync(CancellationToken cancellationToken)
    {
        ChangeUrgentTurns(+1);
        try
        {
            await _turn.WaitAsync(cancellationToken);
        }
        catch
        {
            ChangeUrgentTurns(-1);
            throw;
        }

        return new Turn(this, urgent: true);
    }

    /// <summary>The inbox writer committed a disaster event: the pipeline runner should get its turn soon.</summary>
    public void DisasterStored()
    {
        Interlocked.Increment(ref _disastersStored);
        UpdateUrgent();
    }

    /// <summary>The pipeline runner read the inbox after <paramref name="mark"/> and found no disaster left to take.</summary>
    public void DisastersTaken(long mark)
    {
        long seen;
        do
        {
            seen = Volatile.Read(ref _disastersTaken);
            if (mark <= seen)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _disastersTaken, mark, seen) != seen);
        UpdateUrgent();
    }

    /// <summary>
    /// Takes the turn for the inbox writer, blocking its own thread, and lets the runner know it
    /// is waiting. While urgent writers wait it first lets them go (at most <see cref="MaxUrgentHold"/>).
    /// </summary>
    public Turn EnterForIntake()
    {
        if (!_noUrgent.IsSet)
        {
            _noUrgent.Wait(MaxUrgentHold);
        }

        if (_turn.Wait(0, CancellationToken.None))
        {
            return new Turn(this, urgent: false);
        }

        Interlocked.Increment(ref _intakeWaiting);
        try
        {
            _turn.Wait(CancellationToken.None);
            return new Turn(this, urgent: false);
        }
        finally
        {
            Interlocked.Decrement(ref _intakeWaiting);
        }
    }

    public void Dispose()
    {
        _turn.Dispose();
        _noUrgent.Dispose();
    }

    private void ChangeUrgentTurns(int by)
    {
        Interlocked.Add(ref _urgentTurns, by);
        UpdateUrgent();
    }

    private void UpdateUrgent()
    {
        lock (_urgentLock)
        {
            if (UrgentWaiting)
            {
                _noUrgent.Reset();
            }
            else
            {
                _noUrgent.Set();
            }
        }
    }

    /// <summary>Holding the turn; dispose to give it back.</summary>
    public readonly struct Turn : IDisposable
    {
        private readonly WriteGate _gate;
        private readonly bool _urgent;

        internal Turn(WriteGate gate, bool urgent)
        {
            _gate = gate;
            _urgent = urgent;
        }

        public void Dispose()
        {
            _gate._turn.Release();
            if (_urgent)
            {
                _gate.ChangeUrgentTurns(-1);
            }
        }
    }
}

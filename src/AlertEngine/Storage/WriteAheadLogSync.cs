namespace AlertEngine.Storage;

/// <summary>
/// Makes the database's write-ahead log durable on demand: an fsync of the <c>-wal</c> file through
/// a handle of its own, so that it can run on another thread while a connection appends the next
/// transaction. Linux flushes a file's data whichever handle wrote it, so one fsync here makes every
/// transaction committed before it started as durable as a commit with synchronous=FULL.
/// <para>
/// Valid while its owner keeps a connection to the database open: SQLite deletes the log only when
/// the last connection closes, and otherwise truncates or rewrites the same file. Open it after a
/// FULL commit on that connection, which has made the log file's own name durable in its folder.
/// </para>
/// </summary>
public sealed class WriteAheadLogSync : IDisposable
{
    private readonly FileStream _log;

    private WriteAheadLogSync(FileStream log) => _log = log;

    /// <summary>Opens the log of an open database; null when it does not exist (no write yet, or not in WAL mode).</summary>
    public static WriteAheadLogSync? TryOpen(string walPath)
    {
        try
        {
            // Write access only so that Flush(true) reaches fsync; nothing is ever written through it.
            return new WriteAheadLogSync(new FileStream(walPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Blocks until everything written to the log so far is on disk. Throws IOException when the disk reports a failure.</summary>
    public void Flush() => _log.Flush(flushToDisk: true);

    public void Dispose() => _log.Dispose();
}

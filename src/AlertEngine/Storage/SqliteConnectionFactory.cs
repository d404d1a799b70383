using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace AlertEngine.Storage;

/// <summary>
/// Opens connections to the engine's database. The only place that sets pragmas: WAL journal,
/// FULL sync (a committed event survives a power cut; the two exceptions are the pipeline runner's
/// connection, see <see cref="OpenForPipeline"/>, and the inbox writer's, which fsyncs the log itself
/// before it answers, see <c>Ingest/InboxSyncer</c>), foreign keys, the busy timeout, and the
/// WAL's cap: below <see cref="StorageOptions.MaxWalBytes"/> <see cref="WalCheckpointer"/> copies
/// the WAL in the background; past it every commit checkpoints inline (SQLite's autocheckpoint),
/// and a WAL file that grew past it is cut back to it when the WAL starts over (journal_size_limit).
/// </summary>
public sealed class SqliteConnectionFactory
{
    /// <summary>SQLite's default page size, which the engine never changes.</summary>
    public const int PageSize = 4096;

    private readonly string _connectionString;
    private readonly string _pragmas;

    public SqliteConnectionFactory(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DatabasePath = Path.GetFullPath(options.Value.DatabasePath);
        var busyTimeoutMs = (int)options.Value.BusyTimeout.TotalMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, busyTimeoutMs / 1000),
        }.ToString();
        // Every connection gets the same value: pooled connections keep their pragmas, so a
        // per-caller value would leak from one user of a pooled connection to the next.
        var maxWalBytes = options.Value.MaxWalBytes;
        _pragmas =
            $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={busyTimeoutMs}; "
            + $"PRAGMA wal_autocheckpoint={maxWalBytes / PageSize}; PRAGMA journal_size_limit={maxWalBytes};";
    }

    /// <summary>
    /// Makes an open connection's commits stop waiting for the disk (synchronous=NORMAL): the
    /// pipeline runner's (<see cref="OpenForPipeline"/>), and the inbox writer's once its own fsync of
    /// the log is running. Pooling resets it: the next <see cref="Open"/> sets FULL again.
    /// </summary>
    public static void CommitWithoutWaitingForTheDisk(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=NORMAL;";
        pragma.ExecuteNonQuery();
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The absolute path of the database's write-ahead log.</summary>
    public string WalPath => DatabasePath + "-wal";

    /// <summary>Creates the database folder when it does not exist yet.</summary>
    public void EnsureFolder()
    {
        var folder = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>Opens a pooled connection with the engine's pragmas applied.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = _pragmas;
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// Opens a connection for the pipeline runner: the engine's pragmas, but its commits do not
    /// wait for the disk (synchronous=NORMAL). What it writes is derived from inbox rows that are
    /// already on disk; a power cut can lose its last commits, never half of one, and those events
    /// are then simply processed again. Nothing leaves the engine on its word alone: a page or a
    /// write-back is sent only after the sender's own FULL commit (it marks the row sending), and
    /// that fsync of the write-ahead log makes every earlier commit durable with it. So a page
    /// waits for one fsync, not two. Pooling resets the pragma: the next <see cref="Open"/> of this
    /// connection sets FULL again.
    /// </summary>
    public SqliteConnection OpenForPipeline()
    {
        var connection = Open();
        CommitWithoutWaitingForTheDisk(connection);
        return connection;
    }

    /// <summary>
    /// Opens an existing database file read-only, for offline readers such as
    /// <c>alertengine rules backtest</c>: no pragma is set and nothing is ever written, so it is
    /// safe beside a running engine (WAL lets it read while the engine writes).
    /// </summary>
    public static SqliteConnection OpenReadOnly(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }
}

using System.ComponentModel.DataAnnotations;

namespace AlertEngine.Storage;

/// <summary>Where and how the engine keeps its SQLite database (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// Path of the SQLite database file. A relative path is taken from the directory the engine
    /// was started in. The folder is created when missing. Default <c>data/alertengine.db</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:DatabasePath must name the SQLite database file")]
    public string DatabasePath { get; set; } = "data/alertengine.db";

    /// <summary>
    /// How long a connection waits for another writer before giving up. Default 00:00:05,
    /// between 00:00:00.100 and 00:01:00.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Storage:BusyTimeout must be between 00:00:00.100 and 00:01:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often the background checkpointer copies the write-ahead log into the database file,
    /// so that commits never pay for it. Shorter keeps the WAL file smaller; longer does the
    /// copying in fewer, larger passes. Default 00:00:01, between 00:00:00.050 and 00:01:00.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "Storage:CheckpointInterval must be between 00:00:00.050 and 00:01:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Cap on the write-ahead log, in bytes. Normally the checkpointer keeps the WAL far below it.
    /// Past it every commit checkpoints inline, as SQLite does by default (slower commits, but the
    /// WAL cannot grow without bound even when the checkpointer falls behind or stops), and a WAL
    /// file that grew past it is cut back to this size when the WAL starts over. Default 67108864
    /// (64 MiB), between 1048576 (1 MiB) and 1073741824 (1 GiB).
    /// </summary>
    [Range(1_048_576, 1_073_741_824, ErrorMessage = "Storage:MaxWalBytes must be between 1048576 and 1073741824 bytes")]
    public int MaxWalBytes { get; set; } = 64 * 1024 * 1024;
}

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
}

using Microsoft.Data.Sqlite;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>A fresh temp folder for one engine's SQLite file; deleted (with the WAL files) on dispose.</summary>
internal sealed class BenchFolder : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("alertengine-bench-");

    /// <summary>The database file inside the folder; the engine creates and migrates it at start.</summary>
    public string DatabasePath => Path.Combine(_folder.FullName, "alertengine.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"could not delete the benchmark database folder {_folder.FullName}: {ex.Message}");
        }
    }
}

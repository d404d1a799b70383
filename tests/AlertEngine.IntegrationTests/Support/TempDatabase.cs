using AlertEngine.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>A fresh SQLite file in its own temp folder per test, deleted on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("alertengine-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "alertengine.db");
    }

    public string Folder { get; }

    public string Path { get; }

    /// <summary>Creates the schema with the real <see cref="Migrator"/>; returns the engine's connection factory for this file.</summary>
    public SqliteConnectionFactory Migrate()
    {
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = Path }));
        new Migrator(connections, NullLogger<Migrator>.Instance).Migrate();
        return connections;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing host; the temp folder is cleaned by the OS.
        }
    }
}

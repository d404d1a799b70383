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

using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>Looks straight into the inbox table, to prove what was (not) stored.</summary>
internal static class InboxRows
{
    public static long Count(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM inbox");
    }
}

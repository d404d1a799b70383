using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>What the inbox table holds after the benchmark.</summary>
internal sealed record InboxCounts(long Stored, long Unprocessed, long Poisoned);

/// <summary>
/// Reads the engine's database file from outside the engine (<see cref="BenchSql"/>), so that
/// the "every 2xx is stored" check trusts the file, not the engine's own stores.
/// </summary>
internal static class InboxFile
{
    /// <summary>Counts the inbox on a connection of its own (no pool); call it once the engine has stopped.</summary>
    public static InboxCounts Count(string databasePath)
    {
        SqliteConnection.ClearAllPools();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        return new InboxCounts(
            Scalar(connection, BenchSql.CountInbox),
            Scalar(connection, BenchSql.CountUnprocessed),
            Scalar(connection, BenchSql.CountPoisoned));
    }

    public static long Scalar(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}

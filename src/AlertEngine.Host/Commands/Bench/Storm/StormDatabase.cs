using Microsoft.Data.Sqlite;

namespace AlertEngine.Host.Commands.Bench.Storm;

/// <summary>One ticket as the engine's file holds it.</summary>
internal sealed record StormTicketRow(long Id, string Type, string State, string? TriggerId, long Occurrences, string? AcknowledgedBy);

/// <summary>One problem event linked to a ticket.</summary>
internal sealed record StormEventRow(string EventId, long TicketId, bool Recovered);

/// <summary>The inbox rows of one problem event and kind (problem, update, recovery).</summary>
internal sealed record StormInboxRow(string EventId, string Kind, long Rows, long Unprocessed, long Poisoned);

/// <summary>What the engine's file holds after the storm.</summary>
internal sealed record StormObserved(IReadOnlyList<StormTicketRow> Tickets, IReadOnlyList<StormEventRow> Events, IReadOnlyList<StormInboxRow> Inbox);

/// <summary>Reads the engine's database read-only, on a connection of its own, once the engine has stopped.</summary>
internal static class StormDatabase
{
    public static StormObserved Read(string databasePath)
    {
        SqliteConnection.ClearAllPools();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        return new StormObserved(
            Query(connection, StormSql.ListTickets, r => new StormTicketRow(r.GetInt64(0), r.GetString(1), r.GetString(2), Text(r, 3), r.GetInt64(4), Text(r, 5))),
            Query(connection, StormSql.ListTicketEvents, r => new StormEventRow(r.GetString(0), r.GetInt64(1), r.GetInt64(2) != 0)),
            Query(connection, StormSql.CountInboxByEvent, r => new StormInboxRow(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4))));
    }

    private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Storage;

/// <summary>
/// Prepared commands kept per open connection, keyed by their SQL (a <c>*Sql</c> constant), so a
/// query run for every event is prepared once per connection instead of once per call
/// (Microsoft.Data.Sqlite prepares every new command again, and Dapper makes a new command per call).
/// A command is handed out bound to the caller's transaction with its parameters from the last
/// call, to be given new values; the commands are disposed when the connection closes.
/// </summary>
internal sealed class StatementCache : IDisposable
{
    private static readonly ConditionalWeakTable<SqliteConnection, StatementCache> Caches = new();

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    private StatementCache(SqliteConnection connection)
    {
        _connection = connection;
        _connection.StateChange += OnStateChange;
    }

    /// <summary>How many distinct statements this cache holds (for tests).</summary>
    public int Count => _commands.Count;

    /// <summary>The cache of an open connection, created on first use.</summary>
    public static StatementCache For(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.State != System.Data.ConnectionState.Open)
        {
            throw new InvalidOperationException("statements are cached only on an open connection");
        }

        return Caches.GetValue(connection, c => new StatementCache(c));
    }

    /// <summary>The prepared command for <paramref name="sql"/>, bound to <paramref name="transaction"/>.</summary>
    public SqliteCommand Get(string sql, SqliteTransaction? transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = transaction;
        return command;
    }

    public void Dispose()
    {
        _connection.StateChange -= OnStateChange;
        Caches.Remove(_connection);
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    private void OnStateChange(object? sender, System.Data.StateChangeEventArgs e)
    {
        if (e.CurrentState != System.Data.ConnectionState.Open)
        {
            Dispose();
        }
    }
}

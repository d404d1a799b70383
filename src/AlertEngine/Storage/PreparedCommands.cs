using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Storage;

/// <summary>
/// How stores run a query on the pipeline's hot path: the session's connection keeps the prepared
/// command (<see cref="StatementCache"/>), the store gives its parameters new values and runs it.
/// Rows are still mapped by Dapper, by a row parser kept with the command (see <see cref="RowParser{T}"/>).
/// </summary>
internal static class PreparedCommands
{
    /// <summary>Each prepared command's row parser, made from its first row and kept as long as the command.</summary>
    private static readonly ConditionalWeakTable<SqliteCommand, Delegate> Parsers = [];

    /// <summary>The connection's prepared command for a <c>*Sql</c> constant, bound to the session's transaction.</summary>
    public static SqliteCommand Prepared(this DbSession session, string sql)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.Prepared(sql, session.Transaction);
    }

    /// <summary>
    /// The connection's prepared command for a <c>*Sql</c> constant, bound to <paramref name="transaction"/>
    /// (none for a read between transactions, as the page sender's). On a connection kept open (the
    /// pipeline's, the page sender's) the statement is prepared once; on one opened for a single use it
    /// costs what a Dapper call costs, and is disposed when the connection closes.
    /// </summary>
    public static SqliteCommand Prepared(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null) =>
        StatementCache.For(connection).Get(sql, transaction);

    /// <summary>Gives the parameter <c>@name</c> a value (null as SQL NULL), adding it on the command's first use.</summary>
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        var parameterName = "@" + name;
        var parameters = command.Parameters;
        var index = parameters.IndexOf(parameterName);
        if (index < 0)
        {
            parameters.AddWithValue(parameterName, value ?? DBNull.Value);
        }
        else
        {
            parameters[index].Value = value ?? DBNull.Value;
        }

        return command;
    }

    /// <summary>Runs a statement; returns the rows changed.</summary>
    public static int Run(this SqliteCommand command) => command.ExecuteNonQuery();

    /// <summary>The first column of the first row as a number, or null for no row or NULL.</summary>
    public static long? ScalarInt64(this SqliteCommand command) =>
        command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// The row parser for this command's rows. Asking Dapper for one on every read costs a column hash:
    /// the name and field type of every column, and for each NULL Microsoft.Data.Sqlite works the
    /// type out from the declared type, allocating as it goes (on a 40-column ticket, about a tenth of
    /// what paging a disaster allocated). A prepared command's text never changes, so neither do its
    /// columns; and the row types stores map to hold only numbers and text, which SQLite returns as
    /// Int64 and String whatever the row, so the parser made from the first row reads every later one.
    /// </summary>
    private static Func<System.Data.Common.DbDataReader, T> RowParser<T>(SqliteCommand command, SqliteDataReader reader)
    {
        if (Parsers.TryGetValue(command, out var kept) && kept is Func<System.Data.Common.DbDataReader, T> parser)
        {
            return parser;
        }

        parser = reader.GetRowParser<T>();
        Parsers.AddOrUpdate(command, parser);
        return parser;
    }

    /// <summary>Every row, mapped to <typeparamref name="T"/>, in the order the query returns them.</summary>
    public static List<T> Rows<T>(this SqliteCommand command)
    {
        var rows = new List<T>();
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return rows;
        }

        var parser = RowParser<T>(command, reader);
        do
        {
            rows.Add(parser(reader));
        }
        while (reader.Read());

        return rows;
    }

    /// <summary>The only row mapped to <typeparamref name="T"/>, or default when there is none; more than one row throws.</summary>
    public static T? SingleOrDefault<T>(this SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return default;
        }

        var row = RowParser<T>(command, reader)(reader);
        if (reader.Read())
        {
            throw new InvalidOperationException("the query returned more than one row");
        }

        return row;
    }
}

using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Storage;

/// <summary>
/// How stores run a query on the pipeline's hot path: the session's connection keeps the prepared
/// command (<see cref="StatementCache"/>), the store gives its parameters new values and runs it.
/// Rows are still mapped by Dapper (its row parser, cached per column set), without a new command.
/// </summary>
internal static class PreparedCommands
{
    /// <summary>The connection's prepared command for a <c>*Sql</c> constant, bound to the session's transaction.</summary>
    public static SqliteCommand Prepared(this DbSession session, string sql)
    {
        ArgumentNullException.ThrowIfNull(session);
        return StatementCache.For(session.Connection).Get(sql, session.Transaction);
    }

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

    /// <summary>The only row mapped to <typeparamref name="T"/>, or default when there is none; more than one row throws.</summary>
    public static T? SingleOrDefault<T>(this SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return default;
        }

        var row = reader.GetRowParser<T>()(reader);
        if (reader.Read())
        {
            throw new InvalidOperationException("the query returned more than one row");
        }

        return row;
    }
}

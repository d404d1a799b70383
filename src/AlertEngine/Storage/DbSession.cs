using Microsoft.Data.Sqlite;

namespace AlertEngine.Storage;

/// <summary>
/// A connection and its open transaction, handed to stores by the caller that owns the commit
/// (the pipeline runner). Stores never begin or commit a transaction themselves.
/// </summary>
public sealed record DbSession(SqliteConnection Connection, SqliteTransaction Transaction);

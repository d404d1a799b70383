using AlertEngine.IntegrationTests.Support;
using AlertEngine.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace AlertEngine.IntegrationTests.Storage;

public sealed class SqliteConnectionFactoryTests
{
    [Fact]
    public void OpenForPipeline_CommitsWithoutFsync_AndThePooledConnectionIsFullAgainForTheNextUser()
    {
        using var db = new TempDatabase();
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = db.Path }));

        using (var pipeline = connections.OpenForPipeline())
        {
            Assert.Equal(1, pipeline.ExecuteScalar<long>("PRAGMA synchronous")); // 1 = NORMAL
            Assert.Equal("wal", pipeline.ExecuteScalar<string>("PRAGMA journal_mode"));
            Assert.Equal(1, pipeline.ExecuteScalar<long>("PRAGMA foreign_keys"));
        }

        // One connection in the pool: the next user gets the same one back, with FULL sync set again.
        using var next = connections.Open();
        Assert.Equal(2, next.ExecuteScalar<long>("PRAGMA synchronous")); // 2 = FULL
    }
}

namespace AlertEngine.IntegrationTests.Support;

/// <summary>A fresh database and a running engine per test; the engine can be restarted on the same file.</summary>
public abstract class EngineTestBase : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    internal EngineHost Engine { get; private set; } = null!;

    internal string DatabasePath => _db.Path;

    public virtual async ValueTask InitializeAsync() => Engine = await EngineHost.StartAsync(_db.Path, Settings, Clock, Services);

    /// <summary>Extra configuration for the engine under test, or null.</summary>
    private protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>The engine's clock (e.g. a FakeTimeProvider), or null for the system clock.</summary>
    private protected virtual TimeProvider? Clock => null;

    /// <summary>Replaces engine services with test doubles (e.g. a fake Zabbix API), or null.</summary>
    private protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services => null;

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        await DisposeDoublesAsync();
        _db.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the test's doubles (e.g. a WireMock server) after the engine stopped.</summary>
    private protected virtual ValueTask DisposeDoublesAsync() => ValueTask.CompletedTask;

    /// <summary>Stops the engine and starts a new one on the same database file.</summary>
    internal async Task RestartAsync()
    {
        await Engine.DisposeAsync();
        Engine = await EngineHost.StartAsync(_db.Path, Settings, Clock, Services);
    }

    /// <summary>Posts bodies in order, each must be accepted, then waits until all are processed.</summary>
    internal async Task DeliverAsync(params string[] bodies) => await DeliverToAsync(EngineHost.ServerA, bodies);

    internal async Task DeliverToAsync(string server, params string[] bodies)
    {
        foreach (var body in bodies)
        {
            using var response = await Engine.PostEventAsync(body, server);
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }

        await Engine.WaitForProcessingAsync();
    }
}

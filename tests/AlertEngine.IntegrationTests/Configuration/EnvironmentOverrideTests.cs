using System.Net;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Configuration;

/// <summary>Operators set secrets from the environment, in either spelling.</summary>
public sealed class EnvironmentOverrideTests
{
    [Theory]
    [InlineData("AlertEngine__Zabbix__Servers__env-prefixed__WebhookSecret", "env-prefixed")]
    [InlineData("Zabbix__Servers__env-plain__WebhookSecret", "env-plain")]
    public async Task Environment_ServerSecret_AcceptsEventsForThatServer(string variable, string server)
    {
        // A server name of its own, so that tests running beside this one are not affected.
        const string secret = "secret-from-the-environment-42";
        Environment.SetEnvironmentVariable(variable, secret);
        try
        {
            using var db = new TempDatabase();
            await using var engine = await EngineHost.StartAsync(db.Path);

            using var accepted = await engine.PostEventAsync(Samples.Problem, server, secret);
            using var rejected = await engine.PostEventAsync(Samples.Problem, server, "not-the-secret-from-the-env");

            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}

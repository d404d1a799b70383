using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Ingest.Zabbix.Api;

/// <summary>Where the credential goes and which parameter names are sent, per Zabbix version; login and re-login.</summary>
public sealed class ZabbixServerApiAuthTests : IDisposable
{
    private const string OneEvent = """[{"eventid":"51","objectid":"23137","clock":"1795638019","name":"App health critical","severity":"4","r_eventid":"0","hosts":[{"hostid":"10560","host":"srv-acme-web1","name":"srv-acme-web1"}]}]""";

    private readonly ZabbixApiClientFactory _clients = new();

    [Fact]
    public async Task Version60_Token_AuthInBodyNoHeaderSnakeCaseAcknowledgesAndSelectGroups()
    {
        await using var zabbix = ZabbixMock.Start("6.0.14");
        zabbix.RespondTo("event.get", OneEvent);
        zabbix.RespondTo("host.get", """[{"hostid":"10560","groups":[{"name":"Linux servers"}]}]""");
        var api = _clients.Create(zabbix);

        var events = await api.GetProblemEventsAfterAsync(50, 100, TestContext.Current.CancellationToken);

        Assert.Equal(["Linux servers"], Assert.Single(Assert.Single(events).Hosts).Groups);
        var version = Assert.Single(zabbix.Received("apiinfo.version"));
        Assert.False(version.Body.ContainsKey("auth"));
        Assert.Null(version.Authorization);
        var eventGet = Assert.Single(zabbix.Received("event.get"));
        Assert.Equal(ZabbixApiClientFactory.Token, (string?)eventGet.Body["auth"]);
        Assert.Null(eventGet.Authorization);
        Assert.StartsWith("application/json", eventGet.ContentType, StringComparison.Ordinal);
        Assert.True(eventGet.Params.ContainsKey("select_acknowledges"));
        Assert.False(eventGet.Params.ContainsKey("selectAcknowledges"));
        var hostGet = Assert.Single(zabbix.Received("host.get"));
        Assert.Equal("""{"output":["hostid"],"hostids":["10560"],"selectGroups":["name"]}""", hostGet.Params.ToJsonString());
        Assert.Equal(ZabbixApiClientFactory.Token, (string?)hostGet.Body["auth"]);
    }

    [Theory]
    [InlineData("7.0.5")]
    [InlineData("7.2.0")]
    public async Task Version70AndLater_Token_BearerHeaderOnlyCamelCaseAcknowledgesAndSelectHostGroups(string version)
    {
        await using var zabbix = ZabbixMock.Start(version);
        zabbix.RespondTo("event.get", OneEvent);
        zabbix.RespondTo("host.get", """[{"hostid":"10560","hostgroups":[{"name":"Web"}]}]""");
        var api = _clients.Create(zabbix);

        var events = await api.GetEventsAsync(["51"], TestContext.Current.CancellationToken);

        Assert.Equal(["Web"], Assert.Single(Assert.Single(events).Hosts).Groups);
        Assert.Null(Assert.Single(zabbix.Received("apiinfo.version")).Authorization);
        foreach (var request in zabbix.Received().Where(r => r.Method != "apiinfo.version"))
        {
            Assert.Equal($"Bearer {ZabbixApiClientFactory.Token}", request.Authorization);
            Assert.False(request.Body.ContainsKey("auth"), request.Method);
        }

        var eventGet = Assert.Single(zabbix.Received("event.get"));
        Assert.True(eventGet.Params.ContainsKey("selectAcknowledges"));
        Assert.False(eventGet.Params.ContainsKey("select_acknowledges"));
        Assert.True(Assert.Single(zabbix.Received("host.get")).Params.ContainsKey("selectHostGroups"));
    }

    [Fact]
    public async Task UserAndPassword_TwoCalls_OneLoginWithoutAuthAndSessionReused()
    {
        await using var zabbix = ZabbixMock.Start("6.0.14");
        zabbix.RespondTo("problem.get", "[]");
        var api = _clients.CreateWithLogin(zabbix);

        await api.GetOpenProblemsAsync(10, TestContext.Current.CancellationToken);
        await api.GetOpenProblemsAsync(10, TestContext.Current.CancellationToken);

        var login = Assert.Single(zabbix.Received("user.login"));
        Assert.Equal($$"""{"username":"alertengine","password":"{{ZabbixApiClientFactory.Password}}"}""", login.Params.ToJsonString());
        Assert.False(login.Body.ContainsKey("auth"));
        Assert.Null(login.Authorization);
        Assert.All(zabbix.Received("problem.get"), r => Assert.Equal(ZabbixMock.SessionId, (string?)r.Body["auth"]));
        Assert.Equal(2, zabbix.Received("problem.get").Count);
    }

    [Fact]
    public async Task UserAndPassword_Version70_SessionInBearerHeader()
    {
        await using var zabbix = ZabbixMock.Start("7.0.5");
        zabbix.RespondTo("trigger.get", """[{"triggerid":"23137","manual_close":"1"}]""");
        var api = _clients.CreateWithLogin(zabbix);

        var manualClose = await api.GetManualCloseAsync(["23137"], TestContext.Current.CancellationToken);

        Assert.True(manualClose["23137"]);
        Assert.Null(Assert.Single(zabbix.Received("user.login")).Authorization);
        Assert.Equal($"Bearer {ZabbixMock.SessionId}", Assert.Single(zabbix.Received("trigger.get")).Authorization);
    }

    [Fact]
    public async Task UserAndPassword_SessionTerminated_LogsInAgainAndRetriesOnce()
    {
        await using var zabbix = ZabbixMock.Start("6.0.14");
        zabbix.RespondTo("user.get", """[{"userid":"1","username":"Admin","name":"Zabbix","surname":"Administrator"}]""");
        var api = _clients.CreateWithLogin(zabbix);
        await api.GetUserNamesAsync(["1"], TestContext.Current.CancellationToken);
        zabbix.RespondError("user.get", -32602, "Invalid params.", "Session terminated, re-login, please.", times: 1);

        var names = await api.GetUserNamesAsync(["1"], TestContext.Current.CancellationToken);

        Assert.Equal("Zabbix Administrator (Admin)", names["1"]);
        Assert.Equal(2, zabbix.Received("user.login").Count);
        Assert.Equal(3, zabbix.Received("user.get").Count);
    }

    [Fact]
    public async Task UserAndPassword_SessionRefusedAfterFreshLogin_PermanentNamingUserAndPasswordWithoutSecrets()
    {
        await using var zabbix = ZabbixMock.Start("6.0.14");
        zabbix.RespondError("event.get", -32602, "Invalid params.", "Session terminated, re-login, please.");
        var api = _clients.CreateWithLogin(zabbix);

        var ex = await Assert.ThrowsAsync<AlertEngine.Ingest.Zabbix.Api.ZabbixApiException>(() => api.GetLatestEventIdAsync(TestContext.Current.CancellationToken));

        Assert.False(ex.Retryable);
        Assert.Contains("Zabbix:Servers:main:Api:User and Zabbix:Servers:main:Api:Password", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ZabbixApiClientFactory.Password, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ZabbixMock.SessionId, ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, zabbix.Received("user.login").Count);
        Assert.Equal(2, zabbix.Received("event.get").Count);
    }

    [Fact]
    public async Task Token_NotAuthorized_PermanentNamingTheTokenKeyWithoutTheToken()
    {
        await using var zabbix = ZabbixMock.Start("7.0.5");
        zabbix.RespondError("event.get", -32602, "Invalid params.", "Not authorized.");
        var api = _clients.Create(zabbix);

        var ex = await Assert.ThrowsAsync<AlertEngine.Ingest.Zabbix.Api.ZabbixApiException>(() => api.GetLatestEventIdAsync(TestContext.Current.CancellationToken));

        Assert.StartsWith("Zabbix API main: event.get failed: -32602 Invalid params. (Not authorized.)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Zabbix:Servers:main:Api:Token", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ZabbixApiClientFactory.Token, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ZabbixApiClientFactory.Token, api.Health.LastError, StringComparison.Ordinal);
        Assert.False(ex.Retryable);
        Assert.Single(zabbix.Received("event.get"));
        Assert.Empty(zabbix.Received("user.login"));
    }

    [Fact]
    public async Task WrongPassword_LoginRefused_PermanentNamingUserAndPassword()
    {
        await using var zabbix = ZabbixMock.Start("6.0.14");
        zabbix.RespondError("user.login", -32500, "Application error.", "Incorrect user name or password or account is temporarily blocked.");
        var api = _clients.CreateWithLogin(zabbix);

        var ex = await Assert.ThrowsAsync<AlertEngine.Ingest.Zabbix.Api.ZabbixApiException>(() => api.GetOpenProblemsAsync(10, TestContext.Current.CancellationToken));

        Assert.False(ex.Retryable);
        Assert.Equal("user.login", ex.Method);
        Assert.Contains("Zabbix:Servers:main:Api:Password", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ZabbixApiClientFactory.Password, ex.ToString(), StringComparison.Ordinal);
        Assert.Single(zabbix.Received("user.login"));
    }

    public void Dispose() => _clients.Dispose();
}

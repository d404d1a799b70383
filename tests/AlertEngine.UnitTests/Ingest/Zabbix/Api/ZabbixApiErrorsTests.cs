using System.Net;
using AlertEngine.Ingest.Zabbix.Api;

namespace AlertEngine.UnitTests.Ingest.Zabbix.Api;

/// <summary>Every failure is retryable or permanent in one place, and reads well in a log.</summary>
public sealed class ZabbixApiErrorsTests
{
    // rule, JSON-RPC code, retryable
    public static TheoryData<string, int, bool> Codes => new()
    {
        { "parse error", -32700, false },
        { "invalid request (7.2 body auth)", -32600, false },
        { "method not found", -32601, false },
        { "invalid params", -32602, false },
        { "internal error", -32603, true },
        { "application error (permissions)", -32500, false },
        { "system error", -32400, true },
        { "transport error", -32300, true },
    };

    // rule, HTTP status, retryable, hint in the message
    public static TheoryData<string, HttpStatusCode, bool, string> Statuses => new()
    {
        { "412: wrong Content-Type", HttpStatusCode.PreconditionFailed, false, "Content-Type" },
        { "404: wrong URL", HttpStatusCode.NotFound, false, "Zabbix:Servers:main:Api:Url" },
        { "401: web server auth", HttpStatusCode.Unauthorized, false, "proxy" },
        { "400", HttpStatusCode.BadRequest, false, "refused" },
        { "429: try later", HttpStatusCode.TooManyRequests, true, "failing" },
        { "500", HttpStatusCode.InternalServerError, true, "failing" },
        { "503", HttpStatusCode.ServiceUnavailable, true, "failing" },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void FromRpcError_Code_RetryableOnlyForServerSideErrors(string rule, int code, bool retryable)
    {
        var ex = ZabbixApiErrors.FromRpcError("main", "event.get", new ZabbixRpcError(code, "Some error.", null));

        Assert.True(retryable == ex.Retryable, rule);
        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void FromRpcError_NotAuthorized_MessageForTheLog()
    {
        var ex = ZabbixApiErrors.FromRpcError("main", "event.get", new ZabbixRpcError(-32602, "Invalid params.", "Not authorized."));

        Assert.Equal("Zabbix API main: event.get failed: -32602 Invalid params. (Not authorized.)", ex.Message);
        Assert.Equal("Not authorized.", ex.Data);
        Assert.Equal("main", ex.Server);
        Assert.Equal("event.get", ex.Method);
    }

    [Theory]
    [InlineData("Session terminated, re-login, please.", true)]
    [InlineData("Not authorized.", true)]
    [InlineData("Invalid parameter \"/1/eventids\".", false)]
    public void IsAuthFailure_Minus32602Data_OnlyTheAuthTexts(string data, bool expected)
    {
        Assert.Equal(expected, ZabbixApiErrors.IsAuthFailure(new ZabbixRpcError(-32602, "Invalid params.", data)));
    }

    [Fact]
    public void IsAuthFailure_OtherCode_False()
    {
        Assert.False(ZabbixApiErrors.IsAuthFailure(new ZabbixRpcError(-32500, "Application error.", "Not authorized.")));
    }

    [Theory]
    [InlineData(true, "Zabbix:Servers:main:Api:Token")]
    [InlineData(false, "Zabbix:Servers:main:Api:User and Zabbix:Servers:main:Api:Password")]
    public void AuthFailed_TokenOrLogin_PermanentNamingTheKeys(bool usingToken, string keys)
    {
        var ex = ZabbixApiErrors.AuthFailed("main", "event.get", new ZabbixRpcError(-32602, "Invalid params.", "Not authorized."), usingToken);

        Assert.False(ex.Retryable);
        Assert.Contains(keys, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void FromHttpStatus_Status_RetryableOnlyFor5xxAndTryLater(string rule, HttpStatusCode status, bool retryable, string hint)
    {
        var ex = ZabbixApiErrors.FromHttpStatus("main", "event.get", status);

        Assert.True(retryable == ex.Retryable, rule);
        Assert.Null(ex.Code);
        Assert.Contains(hint, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Zabbix API main: event.get failed: HTTP {(int)status}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TransportFailures_AreRetryableWithoutCode()
    {
        Assert.All(
            [
                ZabbixApiErrors.Unreachable("main", "event.get", new HttpRequestException("Connection refused (127.0.0.1:1)")),
                ZabbixApiErrors.TimedOut("main", "event.get", TimeSpan.FromSeconds(10)),
                ZabbixApiErrors.CircuitOpen("main", "event.get", TimeSpan.FromSeconds(30)),
            ],
            ex => Assert.True(ex is { Retryable: true, Code: null }, ex.Message));
    }

    [Fact]
    public void TimedOut_NamesTheTimeoutKey()
    {
        var ex = ZabbixApiErrors.TimedOut("main", "event.get", TimeSpan.FromSeconds(10));

        Assert.Equal("Zabbix API main: event.get failed: no answer within 10 s (Zabbix:Servers:main:Api:Timeout)", ex.Message);
    }
}

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>One call: resilience, version detection, authentication, health and metrics.</summary>
internal sealed partial class ZabbixServerApi
{
    private readonly SemaphoreSlim _loginGate = new(1, 1);
    private readonly Lock _healthLock = new();
    private volatile ZabbixApiDialect? _dialect;
    private string? _session;
    private long _requestId;
    private ZabbixApiHealth _health = ZabbixApiHealth.Unknown;

    public ZabbixApiHealth Health
    {
        get
        {
            lock (_healthLock)
            {
                return _health;
            }
        }
    }

    private bool UsesToken => !string.IsNullOrEmpty(_options.Token);

    /// <summary>
    /// Runs one API call through the read or write pipeline, turns every failure into a
    /// <see cref="ZabbixApiException"/>, and records the outcome in <see cref="Health"/> and the metrics.
    /// </summary>
    private async Task<T> ExecuteAsync<T>(string method, bool write, Func<CancellationToken, ValueTask<T>> attempt, CancellationToken cancellationToken)
    {
        var pipeline = write ? _resilience.Writes : _resilience.Reads;
        try
        {
            var result = await pipeline.ExecuteAsync(attempt, cancellationToken);
            Answered(method);
            return result;
        }
        catch (ZabbixApiException ex)
        {
            throw Failed(ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Failed(ZabbixApiErrors.TimedOut(Server, method, _options.Timeout, ex));
        }
        catch (BrokenCircuitException ex)
        {
            throw Failed(ZabbixApiErrors.CircuitOpen(Server, method, _options.BreakDuration, ex));
        }
    }

    /// <summary>
    /// One attempt of a method that needs authentication: the version first when unknown, then a
    /// login when there is no token and no session, then the call. A session Zabbix no longer
    /// accepts is replaced by a fresh login and the call is sent once more.
    /// </summary>
    private async ValueTask<JsonElement> AttemptAsync(string method, Func<ZabbixApiDialect, JsonObject> build, CancellationToken ct)
    {
        var dialect = await EnsureDialectAsync(ct);
        var auth = await EnsureAuthAsync(dialect, ct);
        var reply = await SendAsync(method, build(dialect), dialect, auth, ct);
        if (reply.Error is { } error && ZabbixApiErrors.IsAuthFailure(error))
        {
            if (UsesToken)
            {
                throw ZabbixApiErrors.AuthFailed(Server, method, error, usingToken: true);
            }

            LogSessionRefused(_logger, Server, method, error.Data);
            Interlocked.CompareExchange(ref _session, null, auth);
            auth = await EnsureAuthAsync(dialect, ct);
            reply = await SendAsync(method, build(dialect), dialect, auth, ct);
            if (reply.Error is { } again && ZabbixApiErrors.IsAuthFailure(again))
            {
                throw ZabbixApiErrors.AuthFailed(Server, method, again, usingToken: false);
            }
        }

        return reply.Error is { } failure ? throw ZabbixApiErrors.FromRpcError(Server, method, failure) : reply.Result;
    }

    /// <summary>The version's dialect; asks <c>apiinfo.version</c> (without auth) at the first call and after the server was unreachable.</summary>
    private async ValueTask<ZabbixApiDialect> EnsureDialectAsync(CancellationToken ct)
    {
        if (_dialect is { } known)
        {
            return known;
        }

        var reply = await SendAsync("apiinfo.version", ZabbixApiRequests.Version(), dialect: null, auth: null, ct);
        if (reply.Error is { } error)
        {
            throw ZabbixApiErrors.FromRpcError(Server, "apiinfo.version", error);
        }

        Version version;
        try
        {
            version = ZabbixApiReader.Version(reply.Result);
        }
        catch (FormatException ex)
        {
            throw ZabbixApiErrors.BadReply(Server, "apiinfo.version", ex);
        }

        var dialect = ZabbixApiDialect.For(version);
        LogVersion(_logger, Server, version, dialect.AuthInBody ? "auth field" : "Bearer header", UsesToken ? "API token" : "user login");
        _dialect = dialect;
        return dialect;
    }

    /// <summary>The API token, or the session of one <c>user.login</c> (sent without auth), shared by all calls.</summary>
    private async ValueTask<string> EnsureAuthAsync(ZabbixApiDialect dialect, CancellationToken ct)
    {
        if (UsesToken)
        {
            return _options.Token!;
        }

        if (Volatile.Read(ref _session) is { } session)
        {
            return session;
        }

        await _loginGate.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref _session) is { } other)
            {
                return other;
            }

            var reply = await SendAsync("user.login", ZabbixApiRequests.Login(_options.User ?? "", _options.Password ?? ""), dialect, auth: null, ct);
            if (reply.Error is { } error)
            {
                throw ZabbixApiErrors.IsRetryable(error.Code)
                    ? ZabbixApiErrors.FromRpcError(Server, "user.login", error)
                    : ZabbixApiErrors.AuthFailed(Server, "user.login", error, usingToken: false);
            }

            if (reply.Result.ValueKind != JsonValueKind.String || reply.Result.GetString() is not { Length: > 0 } fresh)
            {
                throw ZabbixApiErrors.BadReply(Server, "user.login", new FormatException("user.login returned no session id"));
            }

            LogLoggedIn(_logger, Server, _options.User);
            Volatile.Write(ref _session, fresh);
            return fresh;
        }
        finally
        {
            _loginGate.Release();
        }
    }

    /// <summary>
    /// Sends one JSON-RPC request. The credential goes in the body field <c>auth</c> before 6.4,
    /// in <c>Authorization: Bearer</c> from 6.4; <c>apiinfo.version</c> and <c>user.login</c> go without.
    /// </summary>
    private async Task<ZabbixRpcReply> SendAsync(string method, JsonObject parameters, ZabbixApiDialect? dialect, string? auth, CancellationToken ct)
    {
        var inBody = auth is not null && dialect is { AuthInBody: true };
        var header = auth is not null && dialect is { AuthInBody: false } ? "Bearer " + auth : null;
        var request = new JsonRpcRequest(method, parameters, inBody ? auth : null, Interlocked.Increment(ref _requestId));
        try
        {
            using var response = await _api.CallAsync(request, header, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw ZabbixApiErrors.FromHttpStatus(Server, method, response.StatusCode);
            }

            var body = await response.Content.ReadAsStringAsync(ct);
            try
            {
                return ZabbixRpcReply.Parse(body);
            }
            catch (FormatException ex)
            {
                throw ZabbixApiErrors.BadReply(Server, method, ex);
            }
        }
        catch (ApiRequestException ex) when (ex.InnerException is HttpRequestException transport)
        {
            throw Forget(ZabbixApiErrors.Unreachable(Server, method, transport));
        }
        catch (HttpRequestException ex)
        {
            throw Forget(ZabbixApiErrors.Unreachable(Server, method, ex));
        }
        catch (ZabbixApiException ex) when (ex is { Retryable: true, Code: null })
        {
            throw Forget(ex);
        }
        catch (OperationCanceledException)
        {
            // A timeout or a stop: whoever answers next may be another (upgraded) server.
            _dialect = null;
            throw;
        }
    }

    /// <summary>After the server was unreachable, ask its version again at the next call.</summary>
    private ZabbixApiException Forget(ZabbixApiException ex)
    {
        _dialect = null;
        return ex;
    }

    private void Answered(string method)
    {
        var now = _time.GetUtcNow();
        bool recovered;
        lock (_healthLock)
        {
            recovered = _health.FailingSince is not null;
            _health = new ZabbixApiHealth(true, now, null, null, _dialect?.Version ?? _health.Version);
        }

        if (recovered)
        {
            LogRecovered(_logger, Server);
        }

        _metrics.ZabbixApiCall(Server, method, "ok");
        _metrics.ZabbixApiUp(Server, true);
    }

    /// <summary>Records a failure (an answer when Zabbix sent a JSON-RPC error or a permanent HTTP status) and returns it, secrets removed.</summary>
    private ZabbixApiException Failed(ZabbixApiException ex)
    {
        ex = WithoutSecrets(ex);
        var unreachable = ex is { Retryable: true, Code: null };
        var now = _time.GetUtcNow();
        bool first;
        lock (_healthLock)
        {
            first = _health.FailingSince is null;
            _health = new ZabbixApiHealth(
                Reachable: !unreachable,
                LastAnswerAt: unreachable ? _health.LastAnswerAt : now,
                FailingSince: _health.FailingSince ?? now,
                // An open circuit only says calls were not tried: keep the failure that opened it (e.g. connection refused).
                LastError: ex.InnerException is Polly.CircuitBreaker.BrokenCircuitException && _health.LastError is { } cause ? cause : ex.Message,
                Version: _dialect?.Version ?? _health.Version);
        }

        if (first)
        {
            LogFailing(_logger, Server, ex.Message);
        }

        _metrics.ZabbixApiCall(Server, ex.Method, unreachable ? "unreachable" : "error");
        _metrics.ZabbixApiUp(Server, !unreachable);
        return ex;
    }

    /// <summary>Messages are built from codes and Zabbix's texts; should Zabbix ever echo a credential, it is masked here.</summary>
    private ZabbixApiException WithoutSecrets(ZabbixApiException ex)
    {
        var secrets = new[] { _options.Token, _options.Password, Volatile.Read(ref _session) }.Where(s => s is { Length: >= 4 }).ToList();
        if (!secrets.Any(s => ex.Message.Contains(s!, StringComparison.Ordinal) || (ex.Data?.Contains(s!, StringComparison.Ordinal) ?? false)))
        {
            return ex;
        }

        string Mask(string text) => secrets.Aggregate(text, (t, s) => t.Replace(s!, "***", StringComparison.Ordinal));
        return new ZabbixApiException(ex.Server, ex.Method, Mask(ex.Message), ex.Retryable, ex.Code, ex.Data is null ? null : Mask(ex.Data), ex.InnerException);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Zabbix API {Server}: version {Version}, credential in the {AuthStyle}, {Credential}")]
    private static partial void LogVersion(ILogger logger, string server, Version version, string authStyle, string credential);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zabbix API {Server}: logged in as {User}")]
    private static partial void LogLoggedIn(ILogger logger, string server, string? user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zabbix API {Server}: {Method} refused the session ({Reason}); logging in again")]
    private static partial void LogSessionRefused(ILogger logger, string server, string method, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zabbix API {Server} is failing: {Error}")]
    private static partial void LogFailing(ILogger logger, string server, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zabbix API {Server} answers again")]
    private static partial void LogRecovered(ILogger logger, string server);
}

namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>
/// A Zabbix API call that failed: a JSON-RPC error (<see cref="Code"/>, message and
/// <see cref="Data"/> as Zabbix sent them), an HTTP failure, a timeout or an open circuit.
/// <see cref="Retryable"/> says whether trying again later can help (unreachable, timeout,
/// 5xx, open circuit) or not (bad parameters, no permission, wrong token).
/// </summary>
public sealed class ZabbixApiException : Exception
{
    public ZabbixApiException()
    {
    }

    public ZabbixApiException(string message)
        : base(message)
    {
    }

    public ZabbixApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ZabbixApiException(string server, string method, string message, bool retryable, int? code = null, string? data = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Server = server;
        Method = method;
        Retryable = retryable;
        Code = code;
        Data = data;
    }

    public string Server { get; } = "";

    /// <summary>The JSON-RPC method called, e.g. event.get.</summary>
    public string Method { get; } = "";

    public bool Retryable { get; }

    /// <summary>The JSON-RPC error code (e.g. -32602), null when the failure was not a JSON-RPC error.</summary>
    public int? Code { get; }

    /// <summary>Zabbix's error detail (<c>error.data</c>), e.g. "Not authorized.".</summary>
    public new string? Data { get; }
}

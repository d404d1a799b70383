using Acornima;
using Jint;

namespace AlertEngine.UnitTests.Ingest.Zabbix;

/// <summary>
/// Runs a webhook media type script the way the Zabbix server does: the script is the body of a
/// function of <c>value</c> (the parameters as one JSON string), with a fake <c>HttpRequest</c>
/// that records what was sent and answers with <see cref="ReplyStatus"/> and <see cref="ReplyBody"/>.
/// </summary>
/// <remarks>Members are public because the JavaScript side calls them through Jint.</remarks>
internal sealed class ZabbixScriptHost
{
    // Zabbix runs Duktape (ECMAScript 5.1); Jint only provides the runtime, so the script is parsed as ES5 first.
    private static readonly ParserOptions Es5 = new() { EcmaVersion = EcmaVersion.ES5, AllowReturnOutsideFunction = true };

    private const string Runtime = """
        var Zabbix = { log: function (level, message) { __zabbix.Log(level, message); } };
        """;

    private const string HttpRequestApi = """
        function HttpRequest() { __zabbix.NewRequest(); }
        HttpRequest.prototype.addHeader = function (header) { __zabbix.AddHeader(header); };
        HttpRequest.prototype.setProxy = function (proxy) { __zabbix.SetProxy(proxy); };
        HttpRequest.prototype.post = function (url, data) { return __zabbix.Post(url, data); };
        HttpRequest.prototype.getStatus = function () { return __zabbix.ReplyStatus; };
        """;

    // The pre-5.4 name, which Zabbix 6.0 still provides as deprecated.
    private const string CurlHttpRequestApi = """
        function CurlHttpRequest() { __zabbix.NewRequest(); }
        CurlHttpRequest.prototype.AddHeader = function (header) { __zabbix.AddHeader(header); };
        CurlHttpRequest.prototype.SetProxy = function (proxy) { __zabbix.SetProxy(proxy); };
        CurlHttpRequest.prototype.Post = function (url, data) { return __zabbix.Post(url, data); };
        CurlHttpRequest.prototype.Status = function () { return __zabbix.ReplyStatus; };
        """;

    public int ReplyStatus { get; init; } = 202;

    public string ReplyBody { get; init; } = """{"status":"accepted"}""";

    /// <summary>Provide only <c>CurlHttpRequest</c>, as if <c>HttpRequest</c> did not exist.</summary>
    public bool OnlyCurlHttpRequest { get; init; }

    public int RequestsCreated { get; private set; }

    public List<string> Headers { get; } = [];

    public List<string> Proxies { get; } = [];

    public List<string> Logs { get; } = [];

    public string? PostedUrl { get; private set; }

    public string? PostedBody { get; private set; }

    public static void ParseAsEcmaScript5(string script) => new Parser(Es5).ParseScript(script);

    /// <summary>Runs the script; a JavaScript <c>throw</c> surfaces as <see cref="Jint.Runtime.JavaScriptException"/>.</summary>
    public string Run(string script, string valueJson)
    {
        ParseAsEcmaScript5(script);

        using var engine = new Engine(options => options.MaxStatements(100_000).LimitRecursion(64));
        engine.SetValue("__zabbix", this);
        engine.Execute(Runtime + (OnlyCurlHttpRequest ? CurlHttpRequestApi : HttpRequestApi));
        engine.SetValue("value", valueJson);
        return engine.Evaluate("(function (value) {\n" + script + "\n})(value)").ToString();
    }

    public void NewRequest() => RequestsCreated++;

    public void AddHeader(string header) => Headers.Add(header);

    public void SetProxy(string proxy) => Proxies.Add(proxy);

    public void Log(double level, string message) => Logs.Add($"{level}: {message}");

    public string Post(string url, string data)
    {
        PostedUrl = url;
        PostedBody = data;
        return ReplyBody;
    }
}

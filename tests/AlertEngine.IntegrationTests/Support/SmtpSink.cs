using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// A small SMTP server on 127.0.0.1 for the report mail tests (WireMock does not speak SMTP): it
/// accepts plain-text sessions, keeps every message it accepts, and can answer the next DATA
/// commands with a temporary (451) or permanent (554) refusal.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentQueue<string> _refusals = new();

    public SmtpSink()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The messages accepted, in order.</summary>
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>Every DATA command seen (accepted or refused).</summary>
    public int Attempts => _attempts;

    private int _attempts;

    /// <summary>Answers the next DATA with this reply (e.g. "451 4.3.0 try again later") instead of accepting.</summary>
    public void RefuseNext(string reply) => _refusals.Enqueue(reply);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // stopping
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink.test ESMTP");
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync("250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
                        break;
                    case "DATA":
                        Interlocked.Increment(ref _attempts);
                        if (_refusals.TryDequeue(out var refusal))
                        {
                            await writer.WriteLineAsync(refusal);
                            break;
                        }

                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } body && body != ".")
                        {
                            data.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                        }

                        Messages.Enqueue(MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(data.ToString()))));
                        await writer.WriteLineAsync("250 2.0.0 queued as sink");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync(verb is "HELO" or "MAIL" or "RCPT" or "RSET" or "NOOP" ? "250 OK" : "502 not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // the client went away, or the sink stops
        }
    }
}

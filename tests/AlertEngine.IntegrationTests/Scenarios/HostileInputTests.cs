using System.Globalization;
using System.Text;
using System.Text.Json;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>
/// Issue #3, bad input: generated and mutated bodies, hostile server names, tokens, headers,
/// query strings and ticket numbers against every public endpoint. Never a 5xx; every refusal
/// is problem details; nothing is stored but what was answered 2xx, byte for byte; and the
/// engine still turns a good event into a ticket afterwards. Each run draws a new seed
/// (ALERTENGINE_FUZZ_SEED replays one); a failure prints it with the exact bodies in base64.
/// </summary>
public sealed partial class HostileInputTests : EngineTestBase
{
    private const int Bodies = 10_000;
    private const int HostileWebhookCalls = 1_500;
    private const int HostileReads = 2_000;
    private const int Concurrency = 8;
    private const string ZabbixTokenHeader = "X-AlertEngine-Token";

    /// <summary>A bound on each run on a loaded machine; the counts above normally finish well inside it.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(40);

    private readonly FuzzFindings _findings = new(FuzzFindings.ChooseSeed());

    public override async ValueTask InitializeAsync()
    {
        // First, so that the seed is in the output even when a run ends in an exception.
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {_findings.Seed} ({FuzzFindings.SeedVariable} replays it)");
        await base.InitializeAsync();
    }

    [Fact]
    public async Task Webhook_TenThousandMutatedBodies_NeverA5xxAndStoresExactlyTheAccepted()
    {
        await DeliverAsync(Samples.Problem, Samples.Update, Samples.Recovery);
        var before = DatabaseSnapshot.Take(DatabasePath);
        var mutator = new BodyMutator(_findings.Seed);
        var ledger = new IntakeLedger();

        var sent = await ThrowAsync(Bodies, async i =>
        {
            var body = mutator.Next(i);
            var (server, secret) = i % 8 == 0 ? (EngineHost.ServerB, EngineHost.SecretB) : (EngineHost.ServerA, EngineHost.SecretA);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/zabbix/{server}/events") { Content = new ByteArrayContent(body.Bytes) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add(ZabbixTokenHeader, secret);
            await JudgeAsync(request, ExpectedFor(body), body, server, ledger);
        });

        await VerifyStoredAsync(before, ledger, sent, Bodies);
    }

    [Fact]
    public async Task Webhook_HostileServersTokensAndHeaders_RefusedBeforeTheBodyAndStoresExactlyTheAccepted()
    {
        await DeliverAsync(Samples.Problem);
        var before = DatabaseSnapshot.Take(DatabasePath);
        var mutator = new BodyMutator(unchecked(_findings.Seed + 1));
        var ledger = new IntakeLedger();

        var sent = await ThrowAsync(HostileWebhookCalls, async i =>
        {
            var r = new Random(unchecked((_findings.Seed * 31) + i));
            var body = r.Next(3) == 0 ? FreshSample(i) : mutator.Next(i);
            var server = HostileInputs.ServerName(r);
            var configured = new[] { EngineHost.ServerA, EngineHost.ServerB }.FirstOrDefault(s => s.Equals(Uri.UnescapeDataString(server), StringComparison.OrdinalIgnoreCase));
            var secret = configured == EngineHost.ServerB ? EngineHost.SecretB : EngineHost.SecretA;
            var tokens = HostileInputs.Token(r, secret);
            var method = r.Next(12) == 0 ? r.Pick([HttpMethod.Get, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch]) : HttpMethod.Post;
            using var request = new HttpRequestMessage(method, $"/api/v1/zabbix/{server}/events") { Content = HostileContent(r, body.Bytes) };
            if (tokens is not null)
            {
                request.Headers.TryAddWithoutValidation(ZabbixTokenHeader, tokens);
            }

            AddHostileHeaders(r, request);
            int[] expected = method != HttpMethod.Post ? [404, 405]
                : configured is null ? [404]
                : tokens is not [var token] || token != secret ? [401]
                : ExpectedFor(body);
            await JudgeAsync(request, expected, body, configured, ledger);
        });

        await VerifyStoredAsync(before, ledger, sent, HostileWebhookCalls);
    }

    [Fact]
    public async Task Api_HostileQueriesNumbersAndMethods_NeverA5xxAndChangesNothing()
    {
        await DeliverAsync(
            Samples.Problem,
            Samples.With(Samples.Problem, o => { o["event_id"] = "61"; o["trigger_id"] = "2001"; o["severity"] = 5; o["host"] = "srv-nc-web1"; o.Remove("tags"); }),
            Samples.With(Samples.Problem, o => { o["event_id"] = "62"; o["trigger_id"] = "2002"; o["severity"] = 1; o["tags"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["tag"] = "customer", ["value"] = "Ünïcode" }); }),
            Samples.With(Samples.Recovery, o => { o["event_id"] = "61"; o["trigger_id"] = "2001"; o["host"] = "srv-nc-web1"; o.Remove("tags"); }));
        var tickets = await Engine.ListAsync();
        var before = DatabaseSnapshot.Take(DatabasePath);

        var sent = await ThrowAsync(HostileReads, async i =>
        {
            var r = new Random(unchecked((_findings.Seed * 37) + i));
            var (request, expected) = r.Next(12) switch
            {
                < 5 => TicketListRequest(r),
                < 8 => TicketRequest(r, [.. tickets.Select(t => t.Number)]),
                8 => (new HttpRequestMessage(HttpMethod.Get, "/healthz?" + HostileInputs.Part(r) + "=" + HostileInputs.Part(r)), new Expected([200])),
                9 => MethodRequest(r, tickets[0].Number),
                _ => StatusPageRequest(r),
            };
            using (request)
            {
                AddHostileHeaders(r, request);
                await JudgeAsync(request, WithHostileAuthorization(request, expected));
            }
        });

        foreach (var difference in DatabaseSnapshot.Take(DatabasePath).DifferencesFrom(before))
        {
            _findings.Add("a read changed the database", difference);
        }

        await StillWorksAsync();
        Report(sent, HostileReads, "reads");
        _findings.AssertNone();
    }

    /// <summary>What the contract allows for a request, and (for list queries) a check of a 200's tickets.</summary>
    private sealed record Expected(int[] Statuses, Func<JsonElement, string?>? CheckOk = null, string[]? ErrorFields = null);

    private static int[] ExpectedFor(FuzzBody body) => body.Bytes.Length > BodyMutator.MaxBodyBytes
        ? [413]
        : body.Expected switch { BodyVerdict.Valid => [200, 202], BodyVerdict.Invalid => [400], _ => [200, 202, 400] };

    private static FuzzBody FreshSample(int i) => new(i, "sample", "problem with a fresh event id", BodyVerdict.Valid,
        Encoding.UTF8.GetBytes(Samples.With(Samples.Problem, o => o["event_id"] = (700_000 + i).ToString(CultureInfo.InvariantCulture))));

    /// <summary>Sends <paramref name="count"/> requests, a few at a time, within <see cref="Budget"/>; returns how many were sent.</summary>
    private static async Task<int> ThrowAsync(int count, Func<int, Task> send)
    {
        var started = TimeProvider.System.GetTimestamp();
        var sent = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = TestContext.Current.CancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (i, _) =>
        {
            if (TimeProvider.System.GetElapsedTime(started) < Budget)
            {
                await send(i);
                Interlocked.Increment(ref sent);
            }
        });
        return sent;
    }

    private async Task VerifyStoredAsync(DatabaseSnapshot before, IntakeLedger ledger, int sent, int planned)
    {
        await Engine.WaitForProcessingAsync();
        foreach (var (problem, body) in ledger.Verify(before, DatabaseSnapshot.Take(DatabasePath)))
        {
            _findings.Add("stored state", problem, body);
        }

        await StillWorksAsync();
        Report(sent, planned, $"webhook calls ({ledger.Accepted} stored, {ledger.Duplicates} duplicates)");
        _findings.AssertNone();
    }

    /// <summary>After the storm a good event is still stored and becomes a ticket.</summary>
    private async Task StillWorksAsync()
    {
        var body = Samples.With(Samples.Problem, o =>
        {
            o["event_id"] = "880000000001";
            o["trigger_id"] = "880001";
            o["host"] = "srv-afterfuzz-web1";
            o["event_name"] = "Still working after the fuzz";
            o.Remove("tags");
        });
        using var response = await Engine.PostEventAsync(body);
        await Engine.WaitForProcessingAsync();
        var ticket = (await Engine.ListAsync("?customer=afterfuzz")).SingleOrDefault();
        if ((int)response.StatusCode != 202 || ticket is not { State: "open", Title: "Still working after the fuzz" })
        {
            _findings.Add("engine broken afterwards", $"a good event got {(int)response.StatusCode} and ticket {ticket?.Number ?? "none"} ({ticket?.State})");
        }
    }

    private void Report(int sent, int planned, string what) =>
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {_findings.Seed}: {sent} of {planned} {what}{(sent < planned ? $", stopped by the {Budget.TotalSeconds:0} s budget" : "")}");
}

using System.Globalization;
using AlertEngine.Host.Commands.Bench.Paging;
using AlertEngine.IntegrationTests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>
/// Crash safety of paging (#8). The built engine runs as a separate process on one SQLite file with
/// Twilio played by a stand-in on 127.0.0.1 that records every SMS and call, and with escalation
/// policies of seconds (L1: SMS and call at once, a call after 2 s, the backup by SMS after 4 s; L2
/// alike at 3 s and 6 s). A stream of problems on triggers of their own (disaster and high: L1 and
/// L2 tickets, so pages are planned all the time), mixed with repeats, updates and recoveries, comes
/// in while the engine is killed with SIGKILL at random moments (start-up, intake, while pages go
/// out and chain steps fall due) and started again on the same file, at least 20 times. A final run
/// works until no page is due and no chain is waiting. Then: every Twilio request is claimed by the
/// rows of exactly one send and every sent row by a request (a page sent twice leaves a request no
/// row claims); one row per ticket, step, person and channel; every page of a ticket still open
/// went out; chains whose steps fell due while no engine served (a kill until the next answer) ran on; every
/// accepted event was processed exactly once.
/// A failure names its seed: rerun with ALERTENGINE_PAGING_CRASH_SEED=&lt;seed&gt; (timing still varies).
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class PagingCrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int Kills = 22;
    private const int EventsPerRound = 30;
    private const int InFlight = 16;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan QuietTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WholeTest = TimeSpan.FromSeconds(110);

    /// <summary>The short policies' steps: after (seconds), who, channels (outbox kinds).</summary>
    private static readonly Dictionary<int, (int After, string Notify, string[] Kinds)[]> Policies = new()
    {
        [1] = [(0, "on_duty", ["page.sms", "page.call"]), (2, "on_duty", ["page.call"]), (4, "next_in_rotation", ["page.sms"])],
        [2] = [(0, "on_duty", ["page.sms", "page.call"]), (3, "on_duty", ["page.call"]), (6, "next_in_rotation", ["page.sms"])],
    };

    private readonly TempDatabase _db = new();
    private readonly List<string> _engineErrors = [];
    private StormRetryQueue _queue = new([]);

    /// <summary>When no engine served (Unix ms): from a kill until the next engine answered /healthz.</summary>
    private readonly List<(long From, long To)> _down = [];
    private long? _killedAt;
    private int _seed;
    private TimeSpan _startUp = TimeSpan.FromSeconds(1);

    private enum KillMoment
    {
        StartUp,
        Intake,
        Paging,
    }

    [Fact]
    public async Task Engine_KilledWhilePagesGoOut_NoPageSentTwiceNoneLostTimersResume()
    {
        _seed = int.TryParse(Environment.GetEnvironmentVariable("ALERTENGINE_PAGING_CRASH_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        output.WriteLine($"seed {_seed} (rerun with ALERTENGINE_PAGING_CRASH_SEED={_seed})");
        var random = new Random(_seed);
        var started = TimeProvider.System.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(WholeTest);
        await using var twilio = await TwilioStandIn.StartAsync(deadline.Token);
        var settings = new Dictionary<string, string?>(twilio.EngineSettings)
        {
            ["Rules:Folder"] = ShortPolicyRules(_db.Folder),
            ["Paging:EscalationInterval"] = "00:00:01",
            ["Paging:SmsPerWindow"] = "100",
            ["Paging:CallsPerWindow"] = "100",
            ["Paging:RateWindow"] = "00:00:10",
            ["Outbox:PollInterval"] = "00:00:00.500",
            ["Outbox:RetryBackoff"] = "00:00:01",
            ["Outbox:MaxBackoff"] = "00:00:02",
        };

        var events = PagingStormEvent.CreateMany(random, Kills * EventsPerRound);
        var storm = new WebhookStorm([.. events.Select(e => e.Body)], InFlight);
        _queue = new StormRetryQueue(events.Select(e => e.Index));

        var kills = new Dictionary<KillMoment, int>();
        for (var round = 1; round <= Kills; round++)
        {
            // The first start (migrations on an empty file) is always cut short; after it about 1 in 6
            // kills hit start-up, 1 in 4 intake, the rest the time after intake when pages go out and
            // chain steps fall due.
            var moment = round == 1 ? KillMoment.StartUp : random.Next(12) switch { < 2 => KillMoment.StartUp, < 5 => KillMoment.Intake, _ => KillMoment.Paging };
            var name = $"engine #{round}";
            var line = moment == KillMoment.StartUp
                ? await KillDuringStartUpAsync(name, settings, random, deadline.Token)
                : await KillUnderLoadAsync(name, settings, moment, storm, random, deadline.Token);
            kills[moment] = kills.GetValueOrDefault(moment) + 1;
            output.WriteLine($"{name}: {line} ({twilio.Arrivals.Count} Twilio requests so far)");
        }

        string? stillBusy;
        EngineProcess.HealthReport health;
        await using (var final = await EngineProcess.StartHealthyAsync(_db.Path, "final engine", StartTimeout, deadline.Token, settings))
        {
            Serving();
            var last = await storm.RunAsync(final, _queue.Take(int.MaxValue), kill: null, deadline.Token);
            Assert.True(last.Unexpected.Count == 0 && last.Unanswered.Count == 0, Failure($"final engine: {string.Join("\n", last.Unexpected.Take(10))}\n{final.Output}"));
            health = await final.WaitIdleAsync(IdleTimeout, deadline.Token);
            stillBusy = await WaitQuietAsync(_db.Path, QuietTimeout, deadline.Token);
            _engineErrors.AddRange(final.ErrorLines());
            output.WriteLine($"final engine: {last.Answered} 2xx ({last.Duplicates} duplicates), idle (backlog {health.Inbox?.Backlog}, poisoned {health.Inbox?.Poisoned}), "
                + (stillBusy is null ? "then quiet: no page due or sending, no chain waiting" : $"not quiet within {QuietTimeout.TotalSeconds:0} s: {stillBusy}"));
        }

        var arrivals = twilio.Arrivals;
        var (problems, summary) = Verify(_db.Path, events, storm, arrivals, _down);
        output.WriteLine($"{kills.Values.Sum()} kills ({string.Join(", ", kills.OrderBy(k => k.Key).Select(k => $"{k.Value} {k.Key}"))}) in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s; "
            + $"{events.Count(e => storm.WasSent(e.Index))} of {events.Count} events sent, {events.Count(e => storm.WasAcknowledged(e.Index))} got a 2xx; "
            + $"Twilio: {arrivals.Count(a => a.Sms)} SMS, {arrivals.Count(a => !a.Sms)} calls");
        output.WriteLine(summary);
        foreach (var error in _engineErrors.Take(30))
        {
            output.WriteLine($"engine error: {error}");
        }

        Assert.True(stillBusy is null, Failure($"the final engine did not finish its pages and chains: {stillBusy}"));
        Assert.True(problems.Count == 0, Failure($"{string.Join("\n", problems)}\nengine errors:\n{string.Join("\n", _engineErrors.Take(30))}"));
        Assert.True(health.Inbox?.Poisoned == 0, Failure($"/healthz reports {health.Inbox?.Poisoned} poisoned events"));
        Assert.True(kills.Values.Sum() >= 20, Failure($"only {kills.Values.Sum()} kills"));
    }

    public void Dispose() => _db.Dispose();

    /// <summary>
    /// A copy of the repository's rules/ folder beside the database whose escalation.yaml gives L1 and
    /// L2 chains of seconds (no respond-deadline step), so that steps fall due while the engine is down.
    /// </summary>
    private static string ShortPolicyRules(string folder)
    {
        var source = new DirectoryInfo(RepositoryRoot.File("rules"));
        var target = Path.Combine(folder, "rules");
        foreach (var file in source.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source.FullName, file.FullName));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            file.CopyTo(copy);
        }

        static string Chain(int level) => string.Concat(Policies[level].Select(s =>
            $"      - {{ after: {s.After}s, notify: [{s.Notify}], channels: [{string.Join(", ", s.Kinds.Select(k => k["page.".Length..]))}] }}\n"));
        File.WriteAllText(Path.Combine(target, "escalation.yaml"), $$"""
            # The paging crash test's policies: chains of seconds.
            escalation:
              L1:
                repeat: 0
                steps:
            {{Chain(1)}}  L2:
                repeat: 0
                steps:
            {{Chain(2)}}  L3:
                repeat: 0
                steps:
                  - { after: 0m, notify: [on_duty], channels: [sms] }
              L4:
                repeat: 0
                steps:
                  - { after: 0m, notify: [on_duty], channels: [sms] }

            """);
        return target;
    }

    /// <summary>Starts an engine and kills it at a random moment of its start-up, before it answers.</summary>
    private async Task<string> KillDuringStartUpAsync(string name, Dictionary<string, string?> settings, Random random, CancellationToken cancellationToken)
    {
        await using var engine = EngineProcess.Start(_db.Path, name, settings);
        var delay = TimeSpan.FromMilliseconds(random.Next((int)(_startUp.TotalMilliseconds * 1.2)));
        await Task.Delay(delay, TimeProvider.System, cancellationToken);
        Assert.True(await engine.KillAsync(cancellationToken), Failure($"{engine.Describe()} before it was killed:\n{engine.Output}"));
        Killed();
        _engineErrors.AddRange(engine.ErrorLines());
        await PauseAsync(random, cancellationToken);
        return $"killed {delay.TotalMilliseconds:0} ms after the start";
    }

    /// <summary>
    /// Starts an engine, waits until it is healthy, sends the next events and kills it: during intake
    /// once a random number of them got a 2xx, or a random moment up to 2 s after the last answer,
    /// while the pages of the new tickets go out and earlier chains' steps fall due.
    /// </summary>
    private async Task<string> KillUnderLoadAsync(string name, Dictionary<string, string?> settings, KillMoment moment, WebhookStorm storm, Random random, CancellationToken cancellationToken)
    {
        var launched = TimeProvider.System.GetTimestamp();
        await using var engine = await EngineProcess.StartHealthyAsync(_db.Path, name, StartTimeout, cancellationToken, settings);
        Serving();
        _startUp = TimeProvider.System.GetElapsedTime(launched);
        var batch = _queue.Take(EventsPerRound);
        var kill = moment == KillMoment.Intake
            ? new StormKill(random.Next(1, Math.Max(2, batch.Count)), TimeSpan.Zero)
            : new StormKill(int.MaxValue, TimeSpan.FromMilliseconds(random.Next(2000)));
        var result = await storm.RunAsync(engine, batch, kill, cancellationToken);
        Killed();
        Assert.True(result.Killed, Failure($"{engine.Describe()} before it was killed:\n{engine.Output}"));
        Assert.True(result.Unexpected.Count == 0, Failure($"{name}: {string.Join("\n", result.Unexpected.Take(10))}\n{engine.Output}"));
        _engineErrors.AddRange(engine.ErrorLines());
        _queue.SendAgainLater(result);
        await PauseAsync(random, cancellationToken);
        return $"up in {_startUp.TotalSeconds:0.00} s, killed {(moment == KillMoment.Intake ? "during intake" : $"{kill.AfterLastAnswer.TotalMilliseconds:0} ms after intake")}: "
            + $"{result.Answered} 2xx ({result.Duplicates} duplicates), {result.Unanswered.Count} unanswered";
    }

    /// <summary>An engine answered /healthz: the time since the last kill (start-up included) was a gap with no engine serving.</summary>
    private void Serving()
    {
        if (_killedAt is { } from)
        {
            _down.Add((from, NowMs()));
            _killedAt = null;
        }
    }

    /// <summary>An engine was killed; a gap starts unless one is already open (a kill during start-up).</summary>
    private void Killed() => _killedAt ??= NowMs();

    /// <summary>A restart takes a moment: up to 0.5 s passes before the next engine starts.</summary>
    private static async Task PauseAsync(Random random, CancellationToken cancellationToken) =>
        await Task.Delay(TimeSpan.FromMilliseconds(random.Next(500)), TimeProvider.System, cancellationToken);

    private static long NowMs() => TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>
    /// Waits until no page is due or left sending, and no chain is waiting for its next step; returns
    /// null then, else what is still busy when <paramref name="timeout"/> passed.
    /// </summary>
    private static async Task<string?> WaitQuietAsync(string databasePath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            using (var connection = AlertEngine.Storage.SqliteConnectionFactory.OpenReadOnly(databasePath))
            {
                var busy = connection.QuerySingle<(long Sending, long Pending, long Waiting)>("""
                    SELECT (SELECT COUNT(*) FROM outbox WHERE kind LIKE 'page.%' AND state = 'sending'),
                           (SELECT COUNT(*) FROM outbox WHERE kind LIKE 'page.%' AND state = 'pending'),
                           (SELECT COUNT(*) FROM escalations WHERE state = 'active' AND next_at IS NOT NULL)
                    """);
                if (busy is (0, 0, 0))
                {
                    return null;
                }

                if (TimeProvider.System.GetElapsedTime(started) > timeout)
                {
                    var rows = connection.Query<(long Id, string Kind, long TicketId, string State, long NextAttemptAt, long Attempts, string? LastError)>(
                        "SELECT id, kind, ticket_id, state, next_attempt_at, attempts, last_error FROM outbox WHERE kind LIKE 'page.%' AND state IN ('sending', 'pending') ORDER BY id LIMIT 10");
                    var chains = connection.Query<(long TicketId, long NextStep, long NextAt)>(
                        "SELECT ticket_id, next_step, next_at FROM escalations WHERE state = 'active' AND next_at IS NOT NULL ORDER BY next_at LIMIT 10");
                    return $"{busy.Sending} page rows sending, {busy.Pending} pending, {busy.Waiting} chains waiting (now {NowMs()}); rows: "
                        + string.Join("; ", rows.Select(r => $"{r.Id} {r.Kind} ticket {r.TicketId} {r.State} next {r.NextAttemptAt} attempts {r.Attempts} ({r.LastError})"))
                        + "; chains: " + string.Join("; ", chains.Select(c => $"ticket {c.TicketId} step {c.NextStep} at {c.NextAt}"));
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System, cancellationToken);
        }
    }

    /// <summary>Every check over the database and the stand-in's record; each broken promise is one line.</summary>
    private static (List<string> Problems, string Summary) Verify(string databasePath, IReadOnlyList<PagingStormEvent> events, WebhookStorm storm,
        IReadOnlyList<TwilioArrival> arrivals, List<(long From, long To)> down)
    {
        using var connection = AlertEngine.Storage.SqliteConnectionFactory.OpenReadOnly(databasePath);
        var pages = connection.Query<PageRowData>("""
            SELECT id AS Id, kind AS Kind, ticket_id AS TicketId, target AS Target, person AS Person, CAST(json_extract(payload, '$.step') AS INTEGER) AS Step,
                   state AS State, attempts AS Attempts, created_at AS CreatedAt, sent_at AS SentAt, body AS Body, provider_id AS ProviderId,
                   bundled_into AS BundledInto, last_error AS LastError
            FROM outbox WHERE kind LIKE 'page.%' ORDER BY id
            """).ToList();
        var tickets = connection.Query<TicketRowData>("SELECT id AS Id, number AS Number, type AS Type, state AS State, level AS Level FROM tickets").ToDictionary(t => t.Id);
        var chains = connection.Query<ChainRowData>("SELECT ticket_id AS TicketId, level AS Level, started_at AS StartedAt, next_step AS NextStep, next_at AS NextAt, state AS State, stop_reason AS StopReason FROM escalations").ToList();
        var problems = new List<string>();
        void Check(string promise, IEnumerable<string> broken)
        {
            var list = broken.ToList();
            if (list.Count > 0)
            {
                problems.Add($"{promise}: {list.Count} broken, e.g.\n  {string.Join("\n  ", list.Take(10))}");
            }
        }

        string Describe(PageRowData r) =>
            $"row {r.Id} {r.Kind} ticket {tickets.GetValueOrDefault(r.TicketId)?.Number ?? r.TicketId.ToString(CultureInfo.InvariantCulture)} step {r.Step} {r.Person} {r.State} "
            + $"attempts {r.Attempts} created {r.CreatedAt} sent {r.SentAt} sid {r.ProviderId} bundled into {r.BundledInto} ({r.LastError}) body \"{r.Body}\"";

        // 1. Each request at the stand-in is claimed by the rows of one send, and each sent row by a request.
        var bySid = arrivals.ToDictionary(a => a.Sid);
        var claims = pages.Where(r => r.ProviderId is not null).ToLookup(r => r.ProviderId!);
        Check("every sent page carries a sid the stand-in issued", pages.Where(r => r.State == "sent" && (r.ProviderId is null || !bySid.ContainsKey(r.ProviderId))).Select(Describe));
        Check("every request at the stand-in is claimed by a page (else it was sent twice)", arrivals.Where(a => !claims.Contains(a.Sid)).Select(a =>
            $"{a.Sid} {(a.Sms ? "SMS" : "call")} to {a.To} at {a.At.ToUnixTimeMilliseconds()} body \"{a.Body}\"; rows of that text: "
            + string.Join(", ", pages.Where(r => a.Sms && r.Body == a.Body).Select(r => $"{r.Id} ({r.State}, sid {r.ProviderId})"))));
        Check("the pages claiming a request are one send to its number (one text, one bundle)", claims.Where(g => bySid.ContainsKey(g.Key)).Select(g => (Sid: g.Key, Rows: g.ToList(), Arrival: bySid[g.Key]))
            .Where(x => x.Rows.Select(r => r.BundledInto ?? r.Id).Distinct().Count() > 1 || x.Rows.Select(r => r.Body).Distinct().Count() > 1
                || x.Rows.Any(r => r.Target != x.Arrival.To || r.Kind != (x.Arrival.Sms ? "page.sms" : "page.call")) || (x.Arrival.Sms && x.Rows.Any(r => r.Body != x.Arrival.Body)))
            .Select(x => $"{x.Sid} ({(x.Arrival.Sms ? "SMS" : "call")} to {x.Arrival.To} at {x.Arrival.At.ToUnixTimeMilliseconds()}, body \"{x.Arrival.Body}\") claimed by "
                + $"{x.Rows.Select(r => r.BundledInto ?? r.Id).Distinct().Count()} sends; the timeline says: "
                + string.Join(" | ", connection.Query<string>("SELECT DISTINCT substr(text, instr(text, ' sent')) FROM ticket_timeline WHERE kind = 'page-sent' AND text LIKE '%' || @sid || '%'", new { sid = x.Sid }))
                + $"; rows: {string.Join(" | ", x.Rows.Select(Describe))}"));

        // 2. One row per ticket, step, person and channel; one SMS request per ticket and step.
        Check("one page row per ticket, step, person and channel", pages.GroupBy(r => (r.TicketId, r.Step, r.Person, r.Kind)).Where(g => g.Count() > 1)
            .Select(g => string.Join(" | ", g.Select(Describe))));
        var smsRequestsPerStep = new Dictionary<(long TicketId, long Step), HashSet<string>>();
        foreach (var a in arrivals.Where(a => a.Sms))
        {
            foreach (var r in pages.Where(r => r.Kind == "page.sms" && (r.ProviderId == a.Sid || (!claims.Contains(a.Sid) && r.Body == a.Body))))
            {
                if (!smsRequestsPerStep.TryGetValue((r.TicketId, r.Step), out var sids))
                {
                    sids = [];
                    smsRequestsPerStep[(r.TicketId, r.Step)] = sids;
                }

                sids.Add(a.Sid);
            }
        }

        Check("no ticket got two SMS for one step", smsRequestsPerStep.Where(s => s.Value.Count > 1)
            .Select(s => $"ticket {tickets.GetValueOrDefault(s.Key.TicketId)?.Number} step {s.Key.Step}: {string.Join(", ", s.Value)}"));

        // None lost: a ticket still open at the end had every page planned for it sent.
        var open = tickets.Values.Where(t => t.State == "open").Select(t => t.Id).ToHashSet();
        Check("every page of a ticket still open went out", pages.Where(r => open.Contains(r.TicketId) && r.State != "sent").Select(Describe));

        // 3. Timers resumed: every chain of an open L1/L2 ticket ran to its end, each step's pages
        // planned and sent; a step due while no engine served (from a kill until the next engine
        // answered) was fired by a later engine and its pages sent.
        var byTicket = pages.ToLookup(r => r.TicketId);
        var overDowntime = 0;
        var stepsOverDowntime = 0;
        var chainProblems = new List<string>();
        var timerProblems = new List<string>();
        foreach (var chain in chains.Where(c => open.Contains(c.TicketId) && Policies.ContainsKey((int)c.Level)))
        {
            var steps = Policies[(int)chain.Level];
            var number = tickets[chain.TicketId].Number;
            if (chain.State == "stopped")
            {
                continue;
            }

            if (chain.State != "done" || chain.NextStep < steps.Length || chain.NextAt is not null)
            {
                chainProblems.Add($"ticket {number} L{chain.Level}: chain {chain.State}, next step {chain.NextStep} at {chain.NextAt}, started {chain.StartedAt}");
                continue;
            }

            var crossed = false;
            for (var step = 0; step < steps.Length; step++)
            {
                var rows = byTicket[chain.TicketId].Where(r => r.Step == step).ToList();
                var missing = steps[step].Kinds.Where(k => !rows.Any(r => r.Kind == k && r.State == "sent")).ToList();
                if (missing.Count > 0)
                {
                    chainProblems.Add($"ticket {number} L{chain.Level} step {step}: no sent {string.Join(", ", missing)}; rows: {string.Join(" | ", rows.Select(Describe))}");
                }

                var due = chain.StartedAt + (steps[step].After * 1000L);
                if (step > 0 && down.FirstOrDefault(d => d.From <= due && due < d.To) is { To: > 0 } gap)
                {
                    crossed = true;
                    stepsOverDowntime++;
                    timerProblems.AddRange(rows.Where(r => r.CreatedAt < gap.From || r.SentAt < due)
                        .Select(r => $"ticket {number} step {step} due at {due} while no engine served ({gap.From}–{gap.To}), yet {Describe(r)}"));
                }
            }

            overDowntime += crossed ? 1 : 0;
        }

        Check("every chain of an open L1/L2 ticket ran to its end with every step's pages sent", chainProblems);
        Check("a step due while no engine served is fired and sent by a later engine", timerProblems);
        Check("some chain steps fell due while no engine served (else the test proves nothing about timers)", stepsOverDowntime > 0 ? [] : ["none did"]);

        // 4. Every accepted event was processed exactly once (as in CrashSafetyTests).
        problems.AddRange(ExactlyOnce(connection, events, storm));

        var sends = pages.Where(r => r.State == "sent").Select(r => r.ProviderId).Distinct().Count();
        var settled = connection.QuerySingle<long>("SELECT COUNT(*) FROM ticket_timeline WHERE kind = 'page-sent' AND text LIKE '%found in Twilio after a restart%'");
        var summary = $"{tickets.Count} tickets ({open.Count} open at the end), {chains.Count} chains ({chains.Count(c => c.State == "done")} done, {chains.Count(c => c.State == "stopped")} stopped); "
            + $"{pages.Count} page rows ({string.Join(", ", pages.GroupBy(r => r.State).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"))}) in {sends} sends, "
            + $"{pages.Count(r => r.Attempts > 1)} rows marked sending more than once, {settled} page-sent lines say \"found in Twilio after a restart\"; "
            + $"{stepsOverDowntime} chain steps of {overDowntime} open tickets fell due while no engine served ({down.Count} gaps, {down.Sum(d => d.To - d.From) / 1000.0:0.0} s in all)";
        return (problems, summary);
    }

    /// <summary>The intake and pipeline promises: each 2xx stored once, each stored event processed once.</summary>
    private static List<string> ExactlyOnce(SqliteConnection connection, IReadOnlyList<PagingStormEvent> events, WebhookStorm storm)
    {
        var inbox = connection.Query<(long Id, string EventId, string Payload, long? ProcessedAt, string? PoisonedReason)>(
            "SELECT id, event_id, payload, processed_at, poisoned_reason FROM inbox").ToList();
        var timeline = connection.Query<(long? InboxId, string Kind)>($"SELECT inbox_id, kind FROM ticket_timeline WHERE {DatabaseSnapshot.NotFromJobs}").ToList();
        var linked = connection.Query<(string EventId, long TicketId)>("SELECT event_id, ticket_id FROM ticket_events").ToList();
        var problems = new List<string>();
        void Check(string promise, IEnumerable<string> broken)
        {
            var list = broken.ToList();
            if (list.Count > 0)
            {
                problems.Add($"{promise}: {list.Count} broken, e.g. {string.Join("; ", list.Take(10))}");
            }
        }

        var byBody = events.ToDictionary(e => e.Body);
        var rows = inbox.Select(r => (Row: r, Event: byBody.GetValueOrDefault(r.Payload))).ToList();
        var storedTimes = rows.Where(x => x.Event is not null).GroupBy(x => x.Event!.Index).ToDictionary(g => g.Key, g => g.Count());
        Check("nothing that was never sent is stored", rows.Where(x => x.Event is null || !storm.WasSent(x.Event.Index)).Select(x => $"inbox {x.Row.Id}: event {x.Row.EventId}"));
        Check("every event that got a 2xx is stored", events.Where(e => storm.WasAcknowledged(e.Index) && !storedTimes.ContainsKey(e.Index)).Select(e => $"#{e.Index} ({e.Kind}, event {e.EventId})"));
        Check("each event is stored at most once", storedTimes.Where(s => s.Value > 1).Select(s => $"#{s.Key} stored {s.Value} times"));
        Check("every stored event is processed", inbox.Where(r => r.ProcessedAt is null).Select(r => $"inbox {r.Id}: event {r.EventId} unprocessed"));
        Check("no stored event is poisoned", inbox.Where(r => r.PoisonedReason is not null).Select(r => $"inbox {r.Id}: {r.PoisonedReason}"));

        // Each problem (by event id) is placed on a ticket once whichever delivery came first (opened,
        // an occurrence, or a flapping reopen when it came back soon after its recovery), and
        // linked to one ticket; an update or a recovery leaves each of its lines (a recovery writes
        // event-recovered and resolved) at most once.
        var entries = timeline.ToLookup(t => t.InboxId ?? 0);
        var stored = rows.Where(x => x.Event is not null).Select(x => (x.Row, Event: x.Event!)).ToList();
        var isProblem = stored.Where(x => x.Event.Kind is PagingStormKind.NewProblem or PagingStormKind.Repeat).ToList();
        // An update delivered before its problem (a retry overtaking it) opens the ticket itself, so
        // every delivery of the event id counts: its problem, repeats and updates.
        var byEventId = stored.ToLookup(x => x.Row.EventId);
        Check("each stored problem is placed on a ticket once", isProblem.GroupBy(x => x.Row.EventId)
            .Where(g => byEventId[g.Key].Sum(x => entries[x.Row.Id].Count(t => t.Kind is "opened" or "occurrence" or "flapping")) != 1)
            .Select(g => $"event {g.Key} (inbox {string.Join("/", g.Select(x => x.Row.Id))}): {string.Join(", ", g.SelectMany(x => entries[x.Row.Id]).Select(t => t.Kind))}; "
                + $"its ticket's lines: {string.Join(", ", connection.Query<string>("SELECT kind || '@' || COALESCE(inbox_id, '-') FROM ticket_timeline WHERE ticket_id = (SELECT ticket_id FROM ticket_events WHERE event_id = @id LIMIT 1) ORDER BY id", new { id = g.Key }))}"));
        Check("each stored update or recovery is applied at most once", stored.Where(x => x.Event.Kind is PagingStormKind.Update or PagingStormKind.Recovery
                && entries[x.Row.Id].GroupBy(t => t.Kind).Any(g => g.Count() > 1))
            .Select(x => $"inbox {x.Row.Id} ({x.Event.Kind} #{x.Event.Index}): {string.Join(", ", entries[x.Row.Id].Select(t => t.Kind))}"));
        var inboxIds = inbox.Select(r => r.Id).ToHashSet();
        Check("every timeline line comes from a stored event", timeline.Where(t => t.InboxId is not { } id || !inboxIds.Contains(id)).Select(t => $"{t.Kind} for inbox id {t.InboxId}"));
        var links = linked.GroupBy(l => l.EventId).ToDictionary(g => g.Key, g => g.Count());
        Check("every stored problem is linked to a ticket once", isProblem.Select(x => x.Row.EventId).Distinct().Where(id => links.GetValueOrDefault(id) != 1)
            .Select(id => $"event {id}: {links.GetValueOrDefault(id)} links"));
        return problems;
    }

    private string Failure(string what) => $"seed {_seed} (rerun with ALERTENGINE_PAGING_CRASH_SEED={_seed}): {what}";

    private sealed record PageRowData(long Id, string Kind, long TicketId, string Target, string? Person, long Step, string State, long Attempts,
        long CreatedAt, long? SentAt, string? Body, string? ProviderId, long? BundledInto, string? LastError);

    private sealed record TicketRowData(long Id, string? Number, string Type, string State, long Level);

    private sealed record ChainRowData(long TicketId, long Level, long StartedAt, long NextStep, long? NextAt, string State, string? StopReason);
}

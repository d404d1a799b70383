using AlertEngine.Classify;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AlertEngine.IntegrationTests.Reports;

/// <summary>
/// A database seeded with one known day shift (Tuesday 2026-11-17 09:30–18:00 Asia/Shanghai) and
/// what surrounds it, written as the engine writes it (tickets with their deadlines, timeline,
/// events, inbox rows, pages in the outbox, a held escalation chain). Every count the report must
/// show is stated here, so the tests assert exact rows and totals.
/// <list type="bullet">
/// <item>T1001 L1 opened 10:00, acknowledged 10:04 by SMS (张伟), resolved 10:30: opened, acknowledged, resolved.</item>
/// <item>T1002 L2 opened 11:00, never acknowledged: respond (11:30), resolve (13:00) and hard limit (17:00) breached; open at 18:00; last paged 李娜.</item>
/// <item>T1003 L3 opened the evening before, acknowledged 09:50 through the API (李娜): acknowledged; open, respond met.</item>
/// <item>T1004 PROBLEM L3 opened 12:00 with 3 occurrences, T1003 linked to it, acknowledged 12:30 by 陈杰.</item>
/// <item>T1005 L4 opened and resolved two days before: in no section.</item>
/// <item>T1006 L4 opened 17:58, its pages held until 09:30 the next morning.</item>
/// <item>Pages: 4 sent (two to 张伟 for T1001, acknowledged 3 min 55 s and 3 min 54 s after; 王芳 and 李娜 for T1002, the latter undelivered); 2 failed (王芳's call, 李娜's undelivered SMS).</item>
/// <item>Events: 9 in the shift (1 at 09:45, 4 in the 10 o'clock hour, 2 at 11, 1 at 12, 1 at 17:58), 1 before it and 1 at 18:00 (not in it).</item>
/// </list>
/// </summary>
internal static class ShiftSeed
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static readonly DateTimeOffset From = Local(11, 17, 9, 30);

    public static readonly DateTimeOffset To = Local(11, 17, 18, 0);

    public static DateTimeOffset Local(int month, int day, int hour, int minute, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.FromHours(8));

    /// <summary>The database at <paramref name="path"/>, created by the real <see cref="Migrator"/> and, unless told otherwise, seeded.</summary>
    public static SqliteConnectionFactory Database(string path, bool seeded = true)
    {
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = path }));
        new Migrator(connections, NullLogger<Migrator>.Instance).Migrate();
        if (seeded)
        {
            using var connection = connections.Open();
            Write(connection);
        }

        return connections;
    }

    /// <summary>
    /// A copy of the shipped rules in <c>{folder}/rules</c>, plus one maintenance window open from 17:00 to
    /// 23:00 on the seeded day; loaded, and required valid.
    /// </summary>
    public static RuleSet Rules(string folder)
    {
        var rules = RulesFolder(folder);
        Directory.CreateDirectory(Path.Combine(rules, "holidays"));
        var shipped = RepositoryRoot.File("rules");
        foreach (var file in Directory.GetFiles(shipped, "*.yaml").Concat(Directory.GetFiles(Path.Combine(shipped, "holidays"), "*.yaml")))
        {
            File.Copy(file, Path.Combine(rules, Path.GetRelativePath(shipped, file)));
        }

        File.WriteAllText(Path.Combine(rules, "80-maintenance.yaml"), """
            maintenance:
              - name: nc-db-patching
                match: { host: "srv-nc-db*" }
                once: { from: "2026-11-17 17:00", to: "2026-11-17 23:00" }
            """);
        var load = RuleSetLoader.LoadFolder(rules);
        Assert.True(load.Succeeded, string.Join("\n", load.Errors));
        return load.Rules!;
    }

    /// <summary>Where <see cref="Rules"/> writes the rules folder.</summary>
    public static string RulesFolder(string folder) => Path.Combine(folder, "rules");

    public static void Write(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        var t1001 = Ticket(connection, "T1001", "ALERT", 1, "nc", "srv-nc-web1", "Site unreachable", "10", Local(11, 17, 10, 0),
            ack: (Local(11, 17, 10, 4), "张伟"), resolved: (Local(11, 17, 10, 30), "Zabbix"),
            deadlines: (Local(11, 17, 10, 15), Local(11, 17, 11, 0), Local(11, 17, 14, 0)), states: ("met", "met"));
        var t1002 = Ticket(connection, "T1002", "ALERT", 2, "acme", "srv-acme-db1", "Disk /var is full", "20", Local(11, 17, 11, 0),
            deadlines: (Local(11, 17, 11, 30), Local(11, 17, 13, 0), Local(11, 17, 17, 0)), states: ("breached", "breached"), occurrences: 2);
        var t1004 = Ticket(connection, "T1004", "PROBLEM", 3, "nc", null, "Backup keeps failing", null, Local(11, 17, 12, 0),
            ack: (Local(11, 17, 12, 30), "陈杰"), deadlines: (Local(11, 17, 16, 0), Local(11, 18, 12, 0), Local(11, 19, 12, 0)), states: ("met", null), occurrences: 3);
        var t1003 = Ticket(connection, "T1003", "ALERT", 3, "nc", "srv-nc-backup", "Backup failed", "30", Local(11, 16, 20, 0),
            ack: (Local(11, 17, 9, 50), "李娜"), deadlines: (Local(11, 17, 13, 30), Local(11, 18, 13, 30), Local(11, 19, 13, 30)), states: ("met", null), problem: t1004);
        var t1005 = Ticket(connection, "T1005", "ALERT", 4, "acme", "srv-acme-web1", "Swap usage high", "40", Local(11, 15, 10, 0),
            resolved: (Local(11, 15, 11, 0), "Zabbix"), deadlines: (Local(11, 16, 10, 0), Local(11, 18, 10, 0), Local(11, 20, 10, 0)), states: ("met", "met"));
        var t1006 = Ticket(connection, "T1006", "ALERT", 4, "acme", "srv-acme-db1", "Certificate expires in 30 days", "60", Local(11, 17, 17, 58),
            deadlines: (Local(11, 18, 17, 58), Local(11, 20, 17, 58), Local(11, 24, 17, 58)), states: (null, null));

        Timeline(connection, t1001, Local(11, 17, 10, 4), "acknowledged", "张伟", "sms");
        Timeline(connection, t1003, Local(11, 17, 9, 50), "acknowledged", "李娜", "api");
        Timeline(connection, t1004, Local(11, 17, 12, 30), "acknowledged", "陈杰", "link");

        Event(connection, t1001, "1001", Local(11, 17, 10, 0));
        Event(connection, t1002, "2001", Local(11, 17, 11, 0));
        Event(connection, t1002, "2002", Local(11, 17, 11, 20));
        Event(connection, t1003, "3001", Local(11, 16, 20, 0));
        Event(connection, t1005, "5001", Local(11, 15, 10, 0));
        Event(connection, t1006, "6001", Local(11, 17, 17, 58));

        var inbox = new[]
        {
            Local(11, 17, 9, 0), Local(11, 17, 9, 45), Local(11, 17, 10, 0), Local(11, 17, 10, 1), Local(11, 17, 10, 2), Local(11, 17, 10, 30),
            Local(11, 17, 11, 0), Local(11, 17, 11, 20), Local(11, 17, 12, 0), Local(11, 17, 17, 58), Local(11, 17, 18, 0),
        };
        for (var i = 0; i < inbox.Length; i++)
        {
            connection.Execute(
                """
                INSERT INTO inbox (zabbix_server, event_id, update_key, kind, severity, trigger_id, source, received_at, payload, processed_at, outcome)
                VALUES ('main', @id, '', 'problem', 3, '1', 'webhook', @at, @payload, @at, 'ok')
                """,
                new { id = $"9{i:000}", at = UnixTime.ToMs(inbox[i]), payload = $$"""{"event_id":"9{{i:000}}","host":"srv-nc-web1","event_name":"seeded {{i}}"}""" });
        }

        Page(connection, t1001, "page.sms", "zhang.wei", "sent", Local(11, 17, 10, 0, 5), "delivered", null);
        Page(connection, t1001, "page.call", "zhang.wei", "sent", Local(11, 17, 10, 0, 6), "completed", null);
        Page(connection, t1002, "page.sms", "wang.fang", "sent", Local(11, 17, 11, 0, 5), "delivered", null);
        Page(connection, t1002, "page.call", "wang.fang", "failed", Local(11, 17, 11, 0, 5), null, "Twilio 21211: invalid 'To' phone number");
        Page(connection, t1002, "page.sms", "li.na", "sent", Local(11, 17, 11, 10), "undelivered", null);

        connection.Execute(
            """
            INSERT INTO escalations (ticket_id, level, team, started_at, next_step, next_at, state, held_until, created_at, updated_at)
            VALUES (@id, 4, 'ops', @created, 0, @held, 'active', @held, @created, @created)
            """,
            new { id = t1006, created = UnixTime.ToMs(Local(11, 17, 17, 58)), held = UnixTime.ToMs(Local(11, 18, 9, 30)) });
        transaction.Commit();
    }

    private static long Ticket(
        SqliteConnection connection, string number, string type, int level, string customer, string? host, string title, string? trigger, DateTimeOffset opened,
        (DateTimeOffset At, string By)? ack = null, (DateTimeOffset At, string By)? resolved = null,
        (DateTimeOffset Respond, DateTimeOffset Resolve, DateTimeOffset Hard)? deadlines = null, (string? Respond, string? Resolve)? states = null,
        int occurrences = 1, long? problem = null) =>
        connection.ExecuteScalar<long>(
            """
            INSERT INTO tickets (number, type, state, level, customer, team, title, zabbix_server, trigger_id, host, host_name, severity, correlation_key,
                                 occurrences, first_seen_at, last_seen_at, opened_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by, updated_at,
                                 sla_level, sla_start_at, respond_by, resolve_by, hard_limit_at, respond_warn_at, responded_at, respond_state, resolve_state, problem_ticket_id)
            VALUES (@number, @type, @state, @level, @customer, 'ops', @title, 'main', @trigger, @host, @host, 3, @key,
                    @occurrences, @opened, @opened, @opened, @ackAt, @ackBy, @resolvedAt, @resolvedBy, @opened,
                    @level, @opened, @respondBy, @resolveBy, @hardLimit, @respondBy, @ackAt, @respondState, @resolveState, @problem)
            RETURNING id
            """,
            new
            {
                number,
                type,
                level,
                customer,
                title,
                trigger,
                host,
                occurrences,
                problem,
                state = resolved is not null ? "resolved" : ack is not null ? "acknowledged" : "open",
                key = $"main:trigger:{trigger ?? number}",
                opened = UnixTime.ToMs(opened),
                ackAt = UnixTime.ToMs(ack?.At),
                ackBy = ack?.By,
                resolvedAt = UnixTime.ToMs(resolved?.At),
                resolvedBy = resolved?.By,
                respondBy = UnixTime.ToMs(deadlines?.Respond),
                resolveBy = UnixTime.ToMs(deadlines?.Resolve),
                hardLimit = UnixTime.ToMs(deadlines?.Hard),
                respondState = states?.Respond,
                resolveState = states?.Resolve,
            });

    private static void Timeline(SqliteConnection connection, long ticket, DateTimeOffset at, string kind, string actor, string channel) =>
        connection.Execute(
            "INSERT INTO ticket_timeline (ticket_id, at, kind, actor, channel, text) VALUES (@ticket, @at, @kind, @actor, @channel, @kind)",
            new { ticket, at = UnixTime.ToMs(at), kind, actor, channel });

    private static void Event(SqliteConnection connection, long ticket, string eventId, DateTimeOffset at) =>
        connection.Execute(
            "INSERT INTO ticket_events (zabbix_server, event_id, ticket_id, severity, problem_at) VALUES ('main', @eventId, @ticket, 3, @at)",
            new { eventId, ticket, at = UnixTime.ToMs(at) });

    private static void Page(SqliteConnection connection, long ticket, string kind, string person, string state, DateTimeOffset at, string? delivery, string? error) =>
        connection.Execute(
            """
            INSERT INTO outbox (kind, ticket_id, target, payload, dedup_key, state, attempts, next_attempt_at, created_at, sent_at, last_error,
                                level, person, body, delivery_status, delivery_at)
            VALUES (@kind, @ticket, '+8613800000000', '{}', @key, @state, 1, @next, @at, @sentAt, @error,
                    (SELECT level FROM tickets WHERE id = @ticket), @person, 'page', @delivery, @deliveryAt)
            """,
            new
            {
                kind,
                ticket,
                state,
                person,
                error,
                delivery,
                key = $"{kind}:{ticket}:{person}:{UnixTime.ToMs(at)}",
                at = UnixTime.ToMs(at),
                next = UnixTime.ToMs(at.AddSeconds(1)),
                sentAt = state == "sent" ? UnixTime.ToMs(at) : (long?)null,
                deliveryAt = delivery is null ? (long?)null : UnixTime.ToMs(at.AddSeconds(30)),
            });
}

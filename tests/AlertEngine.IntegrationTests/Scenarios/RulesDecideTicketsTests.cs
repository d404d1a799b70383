using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>
/// The engine's tickets come from the rules: the shipped rules by default; a rule that ignores
/// opens nothing (the event is still stored); a maintenance window or Zabbix's own maintenance
/// tickets the event but marks it suppressed.
/// </summary>
public sealed class RulesDecideTicketsTests : IAsyncLifetime
{
    private const string Rules = """
        # test rules
        rules:
          - name: harness-ignored
            match: { tag: env=ignored }
            ignore: true
          - name: never-flapping
            match: { tag: env=noflap }
            flapping: off
            continue: true
          - name: acme-web-to-l1
            match: { host: "srv-acme-web*", severity: { at_least: high } }
            level: L1
            customer: acme-corp
            page: never
            labels: { product: web }
        maintenance:
          - name: acme-db-work
            match: { host: "srv-acme-db*" }
            weekly: { weekdays: [mon, tue, wed, thu, fri, sat, sun], from: "00:00", to: "24:00" }
        """;

    private readonly TempDatabase _db = new();
    private EngineHost _engine = null!;

    public async ValueTask InitializeAsync()
    {
        var rules = Path.Combine(_db.Folder, "rules");
        Directory.CreateDirectory(rules);
        await File.WriteAllTextAsync(Path.Combine(rules, "50-test.yaml"), Rules, TestContext.Current.CancellationToken);
        _engine = await EngineHost.StartAsync(_db.Path, new Dictionary<string, string?> { ["Rules:Folder"] = rules });
    }

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task Problem_MatchingRule_TicketShowsLevelCustomerRulePageAndLabels()
    {
        await DeliverAsync(Samples.Problem);

        var ticket = await _engine.GetAsync(Assert.Single(await _engine.ListAsync()).Number);
        Assert.Equal(("L1", "acme-corp", "acme-web-to-l1", "never"), (ticket.Level, ticket.Customer, ticket.Rule, ticket.Page));
        Assert.Equal(new Dictionary<string, string> { ["product"] = "web" }, ticket.Labels);
        Assert.False(ticket.Suppressed);
        Assert.Contains("L1 by rule 'acme-web-to-l1'", ticket.Timeline![0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problem_IgnoredByRule_StoredButNoTicket()
    {
        await DeliverAsync(Samples.With(Samples.Problem, o => o["tags"]![4]!["value"] = "ignored"));

        Assert.Empty(await _engine.ListAsync());
        Assert.Equal(1, InboxRows.Count(_db.Path));
    }

    [Fact]
    public async Task Problem_InMaintenanceWindow_TicketedAndSuppressed()
    {
        await DeliverAsync(Samples.With(Samples.Problem, o => { o["host"] = "srv-acme-db1"; o["host_name"] = "srv-acme-db1"; }));

        var ticket = Assert.Single(await _engine.ListAsync());
        Assert.True(ticket.Suppressed);
        Assert.StartsWith("maintenance window 'acme-db-work'", ticket.SuppressedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problem_SuppressedInZabbix_TicketedAndSuppressed()
    {
        await DeliverAsync(Samples.With(Samples.Problem, o => o["suppressed"] = true));

        var ticket = Assert.Single(await _engine.ListAsync());
        Assert.True(ticket.Suppressed);
        Assert.StartsWith("Zabbix maintenance", ticket.SuppressedBy, StringComparison.Ordinal);
    }

    private async Task DeliverAsync(string body)
    {
        using var response = await _engine.PostEventAsync(body);
        Assert.True(response.IsSuccessStatusCode);
        await _engine.WaitForProcessingAsync();
    }

    [Fact]
    public async Task ProblemBackAMinuteAfterRecovery_FlappingOffByRule_SecondTicketNotAFlap()
    {
        static void NoFlap(System.Text.Json.Nodes.JsonObject o) => o["tags"]![4]!["value"] = "noflap";
        var t0 = TriggerEvents.T0;

        foreach (var body in new[] { TriggerEvents.Problem("501", t0, NoFlap), TriggerEvents.Recovery("501", t0, t0 + 60, NoFlap), TriggerEvents.Problem("502", t0 + 120, NoFlap) })
        {
            await DeliverAsync(body);
        }

        var tickets = await _engine.ListAsync();
        Assert.Equal(2, tickets.Count);
        Assert.All(tickets, t => Assert.False(t.Flapping));
        Assert.Single(tickets, t => t.State == "resolved");
    }
}

using AlertEngine.Correlate;
using AlertEngine.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static AlertEngine.IntegrationTests.Support.TriggerEvents;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>
/// A backup job that fails night after night (rules/50-backups.yaml: two failures within 7 days,
/// quiet 3 days) becomes one PROBLEM ticket that counts the failures, and resolves by itself once
/// the job has stayed quiet for three days, judged on a fake clock.
/// </summary>
public sealed class NightlyBackupFailuresTests : EngineTestBase
{
    private const long Day = 86_400;
    private readonly FakeTimeProvider _clock = new(At(T0));

    private protected override TimeProvider? Clock => _clock;

    [Fact]
    public async Task Backups_FailEveryNight_OneProblemCountingThemResolvedAfterThreeQuietDays()
    {
        await FailAsync("801", T0);
        await FailAsync("802", T0 + Day);
        await FailAsync("803", T0 + (2 * Day));

        var tickets = await Engine.ListAsync();
        var problem = Assert.Single(tickets, t => t.Type == "PROBLEM");
        Assert.Equal(3, tickets.Count(t => t.Type == "ALERT"));
        Assert.All(tickets.Where(t => t.Type == "ALERT"), a => Assert.Equal((problem.Number, 0), (a.Problem, a.Flaps)));
        Assert.Equal(("open", "L3", "acme", 3, 3 * Day), (problem.State, problem.Level, problem.Customer, problem.Occurrences, problem.QuietSeconds));
        Assert.Equal("Keeps coming back: Nightly backup failed", problem.Title);

        // The last failure recovered at T0 + 2 days + 1 minute; three days after that it is quiet.
        var check = Engine.App.Services.GetRequiredService<ProblemQuietCheck>();
        _clock.SetUtcNow(At(T0 + (5 * Day)));
        Assert.Equal(0, await check.RunAsync(TestContext.Current.CancellationToken));
        Assert.Equal("open", (await Engine.GetAsync(problem.Number)).State);

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await check.RunAsync(TestContext.Current.CancellationToken));
        var resolved = await Engine.GetAsync(problem.Number);
        Assert.Equal(("resolved", "alertengine"), (resolved.State, resolved.ResolvedBy));
        var last = resolved.Timeline!.WithoutPages().Last();
        Assert.Equal(("resolved", "engine"), (last.Kind, last.Channel));
        Assert.StartsWith("Resolved: quiet period over, no occurrence for ", last.Text, StringComparison.Ordinal);
        Assert.Contains("(quiet 3d, from the rules", last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backups_StillFailing_ProblemNotResolvedWhileAnAlertIsOpen()
    {
        await FailAsync("801", T0);
        _clock.SetUtcNow(At(T0 + Day));
        await DeliverAsync(Backup(Problem("802", T0 + Day)));

        _clock.Advance(TimeSpan.FromDays(10));
        var check = Engine.App.Services.GetRequiredService<ProblemQuietCheck>();

        Assert.Equal(0, await check.RunAsync(TestContext.Current.CancellationToken));
        Assert.Equal("open", Assert.Single(await Engine.ListAsync("?type=PROBLEM")).State);
    }

    /// <summary>One night: the backup fails at <paramref name="clock"/> and the trigger clears a minute later.</summary>
    private async Task FailAsync(string eventId, long clock)
    {
        _clock.SetUtcNow(At(clock));
        await DeliverAsync(Backup(Problem(eventId, clock)));
        _clock.SetUtcNow(At(clock + 60));
        await DeliverAsync(Backup(Recovery(eventId, clock, clock + 60)));
    }

    private static string Backup(string body) => Samples.With(body, o =>
    {
        o["event_name"] = "Nightly backup failed";
        o["severity"] = 4;
        o["tags"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["tag"] = "service", ["value"] = "backup" },
            new System.Text.Json.Nodes.JsonObject { ["tag"] = "job", ["value"] = "nightly-db" },
            new System.Text.Json.Nodes.JsonObject { ["tag"] = "customer", ["value"] = "acme" });
    });
}

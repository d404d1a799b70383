using System.Net;
using System.Text;
using System.Text.Json;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Tickets;

/// <summary>POST /api/v1/tickets: people open REQUEST, TASK and PROJECT tickets; bad input is a 400 naming each field.</summary>
public sealed class TicketOpenEndpointTests : EngineTestBase
{
    [Theory]
    [InlineData("REQUEST")]
    [InlineData("TASK")]
    public async Task Open_RequestOrTask_201WithLocationAndTheNormalNumber(string type)
    {
        using var response = await Engine.PostTicketAsync(new { type, level = "L3", customer = "NC", title = "Open port 8443", description = "Asked by mail" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await response.ReadTicketAsync();
        Assert.Equal($"/api/v1/tickets/{ticket.Number}", response.Headers.Location?.OriginalString);
        Assert.True(long.Parse(ticket.Number, System.Globalization.CultureInfo.InvariantCulture) >= 1001, ticket.Number);
        Assert.Equal((type, "open", "L3", "nc", "Open port 8443", "Asked by mail"), (ticket.Type, ticket.State, ticket.Level, ticket.Customer, ticket.Title, ticket.Description));
        Assert.Equal(0, ticket.Occurrences);
        var opened = Assert.Single(ticket.Timeline!);
        Assert.Equal(("opened", EngineHost.DeskToken, "api"), (opened.Kind, opened.Actor, opened.Channel));
        // The GET shows the same ticket. Its timeline starts with the same line; the escalation job may
        // have added its own since (it starts the chains of tickets opened outside the pipeline).
        var read = await Engine.GetAsync(ticket.Number);
        Assert.Equal((ticket.Number, ticket.State, ticket.Title, ticket.Description), (read.Number, read.State, read.Title, read.Description));
        Assert.Equal((opened.Kind, opened.Actor, opened.Text), (read.Timeline![0].Kind, read.Timeline[0].Actor, read.Timeline[0].Text));
    }

    [Fact]
    public async Task Open_Projects_NumberedPerCustomerInCustomerCodeForm()
    {
        var first = await Engine.OpenTicketAsync(new { type = "PROJECT", level = "L4", customer = "nc", title = "Migrate to PHP 8.3" });
        var other = await Engine.OpenTicketAsync(new { type = "PROJECT", level = "L4", customer = "acme", title = "New load balancer" });
        var request = await Engine.OpenTicketAsync(new { type = "REQUEST", level = "L4", customer = "nc", title = "Add a DNS record" });
        var second = await Engine.OpenTicketAsync(new { type = "project", level = "l3", customer = "NC", title = "Backup redesign" });

        Assert.Equal(["NC00001.1", "ACME00001.1", "NC00002.1"], [first.Number, other.Number, second.Number]);
        Assert.DoesNotContain(".", request.Number, StringComparison.Ordinal);
        Assert.Equal("Backup redesign", (await Engine.GetAsync("NC00002.1")).Title);
        Assert.Equal(["NC00002.1", "NC00001.1"], (await Engine.ListAsync("?type=PROJECT&customer=nc")).Select(t => t.Number));
    }

    [Fact]
    public async Task Open_ProjectNumbers_SurviveARestart()
    {
        await Engine.OpenTicketAsync(new { type = "PROJECT", level = "L4", customer = "nc", title = "One" });

        await RestartAsync();
        var next = await Engine.OpenTicketAsync(new { type = "PROJECT", level = "L4", customer = "nc", title = "Two" });

        Assert.Equal("NC00002.1", next.Number);
    }

    [Fact]
    public async Task Open_WithBy_ActorIsPersonAndToken()
    {
        var ticket = await Engine.OpenTicketAsync(new { type = "TASK", level = "L4", title = "Rotate logs", by = "alice" });

        Assert.Equal($"alice ({EngineHost.DeskToken})", (await Engine.GetAsync(ticket.Number)).Timeline![0].Actor);
    }

    // rule, body, fields named
    public static TheoryData<string, string, string[]> BadBodies => new()
    {
        { "no body", "", ["body"] },
        { "not JSON", "type=REQUEST", ["body"] },
        { "an array", "[]", ["body"] },
        { "empty object", "{}", ["type", "level", "title"] },
        { "ALERT is the engine's", """{"type":"ALERT","level":"L1","title":"x"}""", ["type"] },
        { "PROBLEM is the engine's", """{"type":"PROBLEM","level":"L1","title":"x"}""", ["type"] },
        { "unknown type", """{"type":"INCIDENT","level":"L1","title":"x"}""", ["type"] },
        { "PROJECT without customer", """{"type":"PROJECT","level":"L4","title":"x"}""", ["customer"] },
        { "level out of range", """{"type":"TASK","level":"L0","title":"x"}""", ["level"] },
        { "title too long", $$"""{"type":"TASK","level":"L4","title":"{{new string('t', 201)}}"}""", ["title"] },
        { "a number where text belongs", """{"type":"TASK","level":4,"title":"x"}""", ["level"] },
        { "a misspelt field", """{"type":"TASK","level":"L4","titel":"x"}""", ["title", "titel"] },
        { "by with parentheses", """{"type":"TASK","level":"L4","title":"x","by":"a (b)"}""", ["by"] },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Open_BadBody_400NamingEachFieldAndNothingStored(string rule, string body, string[] fields)
    {
        using var response = await Engine.Client.PostAsync("/api/v1/tickets", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{rule}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var named = problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToArray();
        Assert.True(fields.Order().SequenceEqual(named), $"{rule}: {problem.RootElement}");
        Assert.Contains(fields[0], problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await Engine.ListAsync());
    }
}

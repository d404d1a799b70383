using System.Net;
using System.Text.Json;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Tickets;

/// <summary>Every /api/v1/tickets call needs a configured API token; /healthz, /metrics and the webhook keep their own rules.</summary>
public sealed class TicketApiAuthTests : EngineTestBase
{
    public static TheoryData<string, string> Calls => new()
    {
        { "GET", "/api/v1/tickets" },
        { "GET", "/api/v1/tickets?state=open" },
        { "GET", "/api/v1/tickets/1001" },
        { "GET", "/api/v1/tickets/999999" },
        { "POST", "/api/v1/tickets" },
        { "POST", "/api/v1/tickets/1001/acknowledge" },
        { "POST", "/api/v1/tickets/1001/resolve" },
        { "POST", "/api/v1/tickets/1001/close" },
        { "POST", "/api/v1/tickets/1001/comment" },
    };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await DeliverAsync(Samples.Problem);
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Call_WithoutToken_401WithChallengeAndNothingChanged(string method, string path)
    {
        using var client = Engine.CreateClient(bearer: null);

        var problem = await Assert401Async(client, method, path, "invalid_token", present: false);

        Assert.Contains("Authorization: Bearer", problem, StringComparison.Ordinal);
        Assert.Equal("open", (await Engine.GetAsync("1001")).State);
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Call_WithWrongToken_401InvalidToken(string method, string path)
    {
        using var client = Engine.CreateClient("not-a-configured-token-0123456789-abcdef");

        await Assert401Async(client, method, path, "invalid_token", present: true);

        Assert.Equal("open", (await Engine.GetAsync("1001")).State);
    }

    [Theory]
    [InlineData("Basic ZGVzazpzZWNyZXQ=")]
    [InlineData(EngineHost.DeskSecret)]
    [InlineData("Bearer " + EngineHost.DeskSecret + EngineHost.ToolSecret)]
    public async Task Call_MalformedAuthorization_401(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tickets");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await Engine.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Acknowledge_WithEachToken_TokenNameIsTheActor()
    {
        using var tool = Engine.CreateClient(EngineHost.ToolSecret);

        using var response = await Engine.ActAsync("1001", "acknowledge", client: tool);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ticket = await Engine.GetAsync("1001");
        Assert.Equal(EngineHost.ToolToken, ticket.AcknowledgedBy);
        var entry = ticket.Timeline!.WithoutPages().Last();
        Assert.Equal(("acknowledged", EngineHost.ToolToken, "api"), (entry.Kind, entry.Actor, entry.Channel));
    }

    [Fact]
    public async Task HealthMetricsAndWebhook_NeedNoApiToken()
    {
        using var client = Engine.CreateClient(bearer: null);

        using var health = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        using var metrics = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        using var webhook = await Engine.PostEventAsync(Samples.Update);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.True(webhook.IsSuccessStatusCode);
    }

    [Fact]
    public async Task NoTokenConfigured_EngineRunsAndTicketApiSaysHowToConfigureOne()
    {
        using var db = new TempDatabase();
        await using var engine = await EngineHost.StartAsync(db.Path, new Dictionary<string, string?>
        {
            [$"Api:Tokens:{EngineHost.DeskToken}"] = null,
            [$"Api:Tokens:{EngineHost.ToolToken}"] = null,
            [$"Api:ReadOnlyTokens:{EngineHost.WallToken}"] = null,
        });

        using var health = await engine.Client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        var problem = await Assert401Async(engine.Client, "GET", "/api/v1/tickets", "invalid_token", present: false);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("Api:Tokens:<name>", problem, StringComparison.Ordinal);
        Assert.Contains("AlertEngine__Api__Tokens__", problem, StringComparison.Ordinal);
    }

    /// <summary>Sends the call, asserts a 401 problem with a Bearer challenge (with or without the error); returns the detail.</summary>
    private static async Task<string> Assert401Async(HttpClient client, string method, string path, string error, bool present)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("""{"type":"TASK","level":"L4","title":"x","text":"x"}""", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal(present, challenge.Parameter?.Contains(error, StringComparison.Ordinal) ?? false);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }
}

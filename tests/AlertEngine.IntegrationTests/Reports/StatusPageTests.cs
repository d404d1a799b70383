using System.Net;
using System.Text.Json.Nodes;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Reports;

/// <summary>
/// The live status page at <c>/</c>: closed without a token (a sign-in form), open with a bearer
/// token or the session cookie that signing in with a full or read-only token sets; its data at
/// <c>GET /api/v1/status</c>; a read-only token reads but never writes.
/// </summary>
public sealed class StatusPageTests : EngineTestBase
{
    [Fact]
    public async Task Page_NoToken_401SignInFormAndNothingElse()
    {
        await DeliverAsync(Samples.Problem);
        var number = Assert.Single(await Engine.ListAsync()).Number;
        using var client = Engine.CreateClient(null);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<form method=\"post\" action=\"/sign-in\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain(number, html, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Page_NoTokenFromATool_401ProblemDetails()
    {
        using var client = Engine.CreateClient(null);

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Api:ReadOnlyTokens", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EngineHost.DeskSecret)]
    [InlineData(EngineHost.WallSecret)]
    public async Task Page_BearerToken_ShowsTheOpenTicket(string secret)
    {
        await DeliverAsync(Samples.Problem);
        var number = Assert.Single(await Engine.ListAsync()).Number;
        using var client = Engine.CreateClient(secret);

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"data-ticket=\"{number}\"", html, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("http-equiv=\"refresh\" content=\"30\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ReadOnlyToken_SetsASessionCookieThatOpensThePage()
    {
        await DeliverAsync(Samples.Problem);
        var number = Assert.Single(await Engine.ListAsync()).Number;
        using var client = Engine.CreateClient(null);

        using var signIn = await client.PostAsync(
            new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent([new("token", EngineHost.WallSecret)]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.ToString());
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"alertengine_status={EngineHost.WallToken}.", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain(EngineHost.WallSecret, cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        var session = cookie.Split(';')[0];
        Assert.Contains($"data-ticket=\"{number}\"", await GetPageAsync(session, HttpStatusCode.OK), StringComparison.Ordinal);
        await GetPageAsync(session[..^2] + "xx", HttpStatusCode.Unauthorized);
        await GetPageAsync($"alertengine_status={EngineHost.DeskToken}.{session.Split('.')[1]}", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignIn_WrongToken_401WithTheReasonAndNoCookie()
    {
        using var client = Engine.CreateClient(null);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var response = await client.PostAsync(
            new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent([new("token", "not-a-token-anyone-configured-000000")]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("does not match any token", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusApi_ReadOnlyToken_ReadsStatusAndTicketsButCannotWrite()
    {
        await DeliverAsync(Samples.Problem);
        var number = Assert.Single(await Engine.ListAsync()).Number;
        using var client = Engine.CreateClient(EngineHost.WallSecret);

        var status = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/status", UriKind.Relative), TestContext.Current.CancellationToken))!;
        Assert.Equal(number, (string?)status["openTickets"]![0]!["number"]);
        Assert.Equal("Asia/Shanghai", (string?)status["timeZone"]);
        Assert.True((long)status["openTickets"]![0]!["respondLeftSeconds"]! < 0);
        Assert.NotEmpty(status["recentEvents"]!.AsArray());

        using var read = await client.GetAsync(new Uri($"/api/v1/tickets/{number}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var write = await client.PostAsync(new Uri($"/api/v1/tickets/{number}/acknowledge", UriKind.Relative), JsonContent("""{"by":"wall"}"""), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("read-only", await write.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("open", (await Engine.GetAsync(number)).State);
    }

    [Fact]
    public async Task StatusApi_NoToken_401()
    {
        using var client = Engine.CreateClient(null);
        using var response = await client.GetAsync(new Uri("/api/v1/status", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private async Task<string> GetPageAsync(string cookie, HttpStatusCode expected)
    {
        using var client = Engine.CreateClient(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}

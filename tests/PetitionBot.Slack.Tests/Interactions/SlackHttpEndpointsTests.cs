using PetitionBot.Fakes.Http;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Ports;
using PetitionBot.Fakes.Slack;
using PetitionBot.Slack.Interactions;
using PetitionBot.Slack.Tests.Support;

namespace PetitionBot.Slack.Tests.Interactions;

public sealed class SlackHttpEndpointsTests : IAsyncLifetime
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private FakeSlackServer _slack = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private readonly FakePetitionBot _bot = new();

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync();
        _slack.AddTeam("T1", "xoxb-T1").AddUser("U1");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.ToString();
        builder.Configuration["Slack:BotToken"] = "xoxb-T1";
        builder.Configuration["Slack:SigningSecret"] = Secret;
        // These tests check what goes in each HTTP response; a first request on a loaded CI machine can take longer than
        // the default 300 ms form budget, after which the ack goes empty (InteractionTests cover the budget itself).
        builder.Configuration["Slack:FormAckBudget"] = "00:00:02.5";
        builder.Services.AddSlackAdapter(builder.Configuration);
        builder.Services.AddSingleton<IPetitionBot>(_bot);
        _app = builder.Build();
        _app.MapSlackHttp();
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public void Verify_OfficialSlackExample_Accepted()
    {
        const string body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        var at = DateTimeOffset.FromUnixTimeSeconds(1531420618);

        Assert.True(SlackSignatureVerifier.Verify(Secret, "1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", body, at));
        Assert.False(SlackSignatureVerifier.Verify(Secret, "1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504", body, at));
        Assert.False(SlackSignatureVerifier.Verify(Secret, "1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", body, at.AddMinutes(6)));
    }

    private Task<HttpResponseMessage> PostAsync(string path, string body, string contentType, string? signature = null)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature ?? SlackSignatureVerifier.Sign(Secret, ts, body));
        return _http.SendAsync(request);
    }

    [Fact]
    public async Task Commands_SignedSlashCommand_AcceptedAndHandled()
    {
        var body = "team_id=T1&user_id=U1&channel_id=C1&command=%2Fpetition&text=totals&trigger_id=9.9.9&response_url=" + Uri.EscapeDataString(new Uri(_slack.BaseUrl, "response/none").ToString());

        var response = await PostAsync(SlackHttpEndpoints.CommandsPath, body, "application/x-www-form-urlencoded");
        await FakeSlackServer.WaitUntilAsync(() => _bot.Inputs.Count == 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("totals", Assert.IsType<CommandInput>(_bot.Inputs[0]).Command);
    }

    [Fact]
    public async Task Commands_BadSignature_Unauthorized()
    {
        var response = await PostAsync(SlackHttpEndpoints.CommandsPath, "team_id=T1&user_id=U1&command=%2Fsign", "application/x-www-form-urlencoded", "v0=00");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Inputs);
    }

    [Fact]
    public async Task Events_UrlVerification_ChallengeEchoed()
    {
        var response = await PostAsync(SlackHttpEndpoints.EventsPath, """{"token":"x","challenge":"abc123","type":"url_verification"}""", "application/json");

        Assert.Equal("abc123", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task Interactivity_ViewSubmissionWithFieldErrors_ResponseActionErrorsInBody()
    {
        _bot.Handler = (_, _) => Task.FromResult(new Reply { Text = "fix", FieldErrors = new Dictionary<string, string> { ["name"] = "Too short" } });
        var payload = """{"type":"view_submission","team":{"id":"T1"},"user":{"id":"U1","team_id":"T1"},"trigger_id":"7.7.7","view":{"id":"V1","callback_id":"form:1","private_metadata":"C1","state":{"values":{"name":{"name":{"type":"plain_text_input","value":"A"}}}}}}""";

        var response = await PostAsync(SlackHttpEndpoints.InteractivityPath, "payload=" + Uri.EscapeDataString(payload), "application/x-www-form-urlencoded");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("errors", json["response_action"]!.GetValue<string>());
        Assert.Equal("Too short", json["errors"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Interactivity_BlockSuggestion_OptionsInTheResponseBody()
    {
        _bot.Suggester = input => [new Suggestion("ucsf", "University of California, San Francisco School of Medicine"), new Suggestion("ucsd", input.Query)];
        var payload = """{"type":"block_suggestion","user":{"id":"U1","team_id":"T1"},"container":{"type":"view","view_id":"V1"},"api_app_id":"A1","action_id":"school","block_id":"school","value":"ucs","team":{"id":"T1","domain":"t1"},"view":{"id":"V1","type":"modal","callback_id":"form:1"}}""";

        var response = await PostAsync(SlackHttpEndpoints.InteractivityPath, "payload=" + Uri.EscapeDataString(payload), "application/x-www-form-urlencoded");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var options = json["options"]!.AsArray();
        Assert.Equal(["ucsf", "ucsd"], options.Select(o => o!["value"]!.GetValue<string>()));
        Assert.Equal("ucs", options[1]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal(("school", "ucs"), (Assert.Single(_bot.Suggests).Field, _bot.Suggests.Single().Query));
    }

    [Fact]
    public async Task Commands_SlackRetriesSameTrigger_HandledOnce()
    {
        const string body = "team_id=T1&user_id=U1&channel_id=C1&command=%2Fsign&text=&trigger_id=5.5.5";

        var first = await PostAsync(SlackHttpEndpoints.CommandsPath, body, "application/x-www-form-urlencoded");
        var retry = await PostAsync(SlackHttpEndpoints.CommandsPath, body, "application/x-www-form-urlencoded");
        await FakeSlackServer.WaitUntilAsync(() => _bot.Inputs.Count >= 1);
        await Task.Delay(200);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(_bot.Inputs);
    }

    private static string[] PlausibleHeaders(params string[] more) =>
    [
        "X-Slack-Signature: v0=" + new string('a', 64),
        "X-Slack-Request-Timestamp: " + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        "Content-Type: application/x-www-form-urlencoded",
        .. more,
    ];

    [Theory]
    [InlineData(SlackHttpEndpoints.CommandsPath)]
    [InlineData(SlackHttpEndpoints.InteractivityPath)]
    [InlineData(SlackHttpEndpoints.EventsPath)]
    public async Task Post_ContentLength30MB_PayloadTooLargeBeforeBodySent(string path)
    {
        var status = await RawHttp.StatusBeforeBodyEndsAsync(new Uri(_http.BaseAddress!, path), PlausibleHeaders("Content-Length: 30000000"), new byte[1024], TimeSpan.FromSeconds(20));

        Assert.Equal(413, status);
        Assert.Empty(_bot.Inputs);
    }

    [Fact]
    public async Task Commands_ChunkedOver64KB_PayloadTooLargeBeforeBodyEnds()
    {
        var status = await RawHttp.StatusBeforeBodyEndsAsync(new Uri(_http.BaseAddress!, SlackHttpEndpoints.CommandsPath), PlausibleHeaders("Transfer-Encoding: chunked"), RawHttp.FirstChunk(70_000), TimeSpan.FromSeconds(20));

        Assert.Equal(413, status);
    }

    [Theory]
    [InlineData("notanumber")]
    [InlineData("")]
    [InlineData("1500000000")]
    public async Task Commands_UnsignedOrStaleContentLength30MB_UnauthorizedBeforeBodySent(string timestamp)
    {
        string[] headers = timestamp.Length == 0
            ? ["Content-Length: 30000000"]
            : ["X-Slack-Signature: v0=" + new string('a', 64), "X-Slack-Request-Timestamp: " + timestamp, "Content-Length: 30000000"];

        var status = await RawHttp.StatusBeforeBodyEndsAsync(new Uri(_http.BaseAddress!, SlackHttpEndpoints.CommandsPath), headers, new byte[1024], TimeSpan.FromSeconds(20));

        Assert.Equal(401, status);
    }

    [Theory]
    [InlineData(SlackHttpEndpoints.InteractivityPath, "team_id=T1&user_id=U1", "application/x-www-form-urlencoded")]
    [InlineData(SlackHttpEndpoints.InteractivityPath, "payload=%5B1%2C2%5D", "application/x-www-form-urlencoded")]
    [InlineData(SlackHttpEndpoints.InteractivityPath, "payload=1.5", "application/x-www-form-urlencoded")]
    [InlineData(SlackHttpEndpoints.EventsPath, "[1,2]", "application/json")]
    [InlineData(SlackHttpEndpoints.EventsPath, "\"url_verification\"", "application/json")]
    public async Task Post_SignedMalformedPayload_BadRequestWithoutBody(string path, string body, string contentType)
    {
        var response = await PostAsync(path, body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(_bot.Inputs);
    }

    [Fact]
    public async Task Commands_ResponseUrlOnForeignHost_NotContactedAndReplySentThroughApi()
    {
        using var foreign = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        foreign.Start();
        var foreignUrl = $"http://127.0.0.1:{((IPEndPoint)foreign.LocalEndpoint).Port}/steal";
        _bot.Handler = (_, _) => Task.FromResult(Reply.Private("only for you"));
        var body = "team_id=T1&user_id=U1&channel_id=C1&command=%2Fpetition&text=totals&trigger_id=8.8.8&response_url=" + Uri.EscapeDataString(foreignUrl);

        var response = await PostAsync(SlackHttpEndpoints.CommandsPath, body, "application/x-www-form-urlencoded");
        var message = await _slack.WaitForMessageAsync(m => m.UserId == "U1", TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FakeSlackMessage.Ephemeral, message.Kind);
        Assert.False(foreign.Pending());
    }

    [Theory]
    [InlineData("https://hooks.slack.com/commands/T1/1/abc", true)]
    [InlineData("https://HOOKS.slack.com/actions/T1/1/abc", true)]
    [InlineData("http://hooks.slack.com/commands/T1/1/abc", false)]
    [InlineData("https://hooks.slack.com:8443/commands/T1", false)]
    [InlineData("https://hooks.slack.com.evil.example/commands/T1", false)]
    [InlineData("https://user@hooks.slack.com/commands/T1", false)]
    [InlineData("https://evil.example/hooks.slack.com", false)]
    [InlineData("http://169.254.169.254/latest/meta-data", false)]
    [InlineData("https://slack.com/api/chat.postMessage", true)]
    [InlineData("https://slack.com:444/api/", false)]
    public void IsAllowed_Url_OnlySlackHooksOrApiOrigin(string url, bool allowed) =>
        Assert.Equal(allowed, SlackResponseUrlPolicy.IsAllowed(new Uri(url), "https://slack.com/api/"));
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Fakes.Slack;
using PetitionBot.Slack.OAuth;
using PetitionBot.Slack.Tests.Support;

namespace PetitionBot.Slack.Tests.OAuth;

public sealed class SlackOAuthEndpointsTests : IAsyncLifetime
{
    private FakeSlackServer _slack = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private readonly InMemoryInstallationStore _store = new();
    private readonly FakePetitionBot _bot = new();

    private const string RedirectUri = "https://bot.example.org/slack/oauth/callback";

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync();
        _slack.RegisterOAuthCode("good-code", "T0NEWSCHOOL", "xoxb-T0NEWSCHOOL-installed", "New School");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.ToString();
        builder.Configuration["Slack:ClientId"] = _slack.ClientId;
        builder.Configuration["Slack:ClientSecret"] = _slack.ClientSecret;
        builder.Configuration["Slack:OAuthRedirectUri"] = RedirectUri;
        builder.Configuration["Slack:OAuthAuthorizeUrl"] = "https://slack.example/oauth/v2/authorize";
        builder.Services.AddSlackAdapter(builder.Configuration);
        builder.Services.AddSingleton<IInstallationStore>(_store);
        builder.Services.AddSingleton<IPetitionBot>(_bot);
        _app = builder.Build();
        _app.MapSlackOAuth();
        await _app.StartAsync();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private async Task<Dictionary<string, Microsoft.Extensions.Primitives.StringValues>> InstallQueryAsync()
    {
        var response = await _http.GetAsync(new Uri(SlackOAuthEndpoints.InstallPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("https://slack.example/oauth/v2/authorize?", location.ToString(), StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(location.Query);
    }

    [Fact]
    public async Task Install_ForgedHostHeader_RedirectUriIsTheConfiguredOne()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(SlackOAuthEndpoints.InstallPath, UriKind.Relative));
        request.Headers.Host = "evil.example";

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(RedirectUri, QueryHelpers.ParseQuery(response.Headers.Location!.Query)["redirect_uri"].ToString());
    }

    [Fact]
    public async Task Install_Configured_RedirectsToAuthorizeWithScopesAndState()
    {
        var query = await InstallQueryAsync();

        Assert.Equal(_slack.ClientId, query["client_id"].ToString());
        Assert.Contains("commands", query["scope"].ToString(), StringComparison.Ordinal);
        Assert.Contains("chat:write", query["scope"].ToString(), StringComparison.Ordinal);
        Assert.EndsWith(SlackOAuthEndpoints.CallbackPath, query["redirect_uri"].ToString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(query["state"]));
    }

    [Fact]
    public async Task Callback_ValidState_ExchangesCodeAndSavesInstallation()
    {
        var state = (await InstallQueryAsync())["state"].ToString();

        var response = await _http.GetAsync(new Uri($"{SlackOAuthEndpoints.CallbackPath}?code=good-code&state={Uri.EscapeDataString(state)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var exchange = _slack.CallsTo("oauth.v2.access").Single();
        Assert.Equal("good-code", exchange.Param("code"));
        Assert.Equal(_slack.ClientSecret, exchange.Param("client_secret"));
        var saved = await _store.FindAsync(new ServerRef(PlatformKind.Slack, "T0NEWSCHOOL"));
        Assert.NotNull(saved);
        Assert.Equal("xoxb-T0NEWSCHOOL-installed", saved.AccessToken);
        Assert.Equal("New School", saved.ServerName);
        Assert.Contains(new ServerRef(PlatformKind.Slack, "T0NEWSCHOOL"), _bot.Joined.Select(j => j.Server));
        Assert.DoesNotContain("xoxb", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("forged.123.abc")]
    [InlineData("")]
    public async Task Callback_BadState_RejectedWithoutExchange(string state)
    {
        var response = await _http.GetAsync(new Uri($"{SlackOAuthEndpoints.CallbackPath}?code=good-code&state={Uri.EscapeDataString(state)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_slack.CallsTo("oauth.v2.access"));
        Assert.Empty(await _store.ListAsync(PlatformKind.Slack));
    }

    [Fact]
    public async Task Callback_StateReused_RejectedSecondTime()
    {
        var state = Uri.EscapeDataString((await InstallQueryAsync())["state"].ToString());
        await _http.GetAsync(new Uri($"{SlackOAuthEndpoints.CallbackPath}?code=good-code&state={state}", UriKind.Relative));

        var again = await _http.GetAsync(new Uri($"{SlackOAuthEndpoints.CallbackPath}?code=good-code&state={state}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Single(_slack.CallsTo("oauth.v2.access"));
    }
}

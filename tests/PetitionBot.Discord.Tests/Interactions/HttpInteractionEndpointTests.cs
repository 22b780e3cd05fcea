using PetitionBot.Fakes.Http;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Ports;
using PetitionBot.Discord.Tests.Support;
using PetitionBot.Fakes.Discord;

namespace PetitionBot.Discord.Tests.Interactions;

/// <summary>The HTTP interactions endpoint over loopback: Ed25519 verification, PING, inline callbacks.</summary>
public sealed class HttpInteractionEndpointTests : IAsyncLifetime
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly FakePetitionBot _bot = new();
    private readonly HttpClient _http = new();
    private FakeDiscordServer _server = null!;
    private WebApplication _app = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        _server = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 60_000 });
        _app = await StartAppAsync(Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        _url = Address(_app) + DiscordEndpointRouteBuilderExtensions.DefaultPattern;
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _server.DisposeAsync();
        _http.Dispose();
        _key.Dispose();
    }

    private async Task<WebApplication> StartAppAsync(string? publicKey)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = _server.Options.Token,
            ["Discord:ApplicationId"] = _server.Options.ApplicationId,
            ["Discord:ApiBaseUrl"] = _server.ApiBaseUrl,
            ["Discord:PublicKey"] = publicKey,
        });
        builder.Services.AddSingleton<IPetitionBot>(_bot);
        builder.Services.AddSingleton(DiscordHarness.FastTimings);
        builder.Services.AddDiscordAdapter(builder.Configuration);
        var app = builder.Build();
        app.MapDiscordInteractions();
        await app.StartAsync();
        return app;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    private HttpRequestMessage Signed(string body, bool tamper = false, string? timestamp = null)
    {
        timestamp ??= DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body));
        var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new StringContent(tamper ? body + " " : body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    [Fact]
    public async Task Post_Ping_AnswersPong()
    {
        using var response = await _http.SendAsync(Signed("""{"type":1}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]!.GetValue<int>());
    }

    [Fact]
    public async Task Post_BodyNotMatchingSignature_Unauthorized()
    {
        using var response = await _http.SendAsync(Signed("""{"type":1}""", tamper: true));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_TimestampSixMinutesOld_Unauthorized()
    {
        var stale = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var response = await _http.SendAsync(Signed("""{"type":1}""", timestamp: stale));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_TimestampSixMinutesAhead_Unauthorized()
    {
        var ahead = DateTimeOffset.UtcNow.AddMinutes(6).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var response = await _http.SendAsync(Signed("""{"type":1}""", timestamp: ahead));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_TimestampNotANumber_Unauthorized()
    {
        using var response = await _http.SendAsync(Signed("""{"type":1}""", timestamp: "notanumber"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string[] PlausibleHeaders(params string[] more) =>
    [
        "X-Signature-Ed25519: " + new string('a', 128),
        "X-Signature-Timestamp: " + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        .. more,
    ];

    [Fact]
    public async Task Post_ContentLength30MB_PayloadTooLargeBeforeBodySent()
    {
        var status = await RawHttp.StatusBeforeBodyEndsAsync(new Uri(_url), PlausibleHeaders("Content-Length: 30000000"), new byte[1024], TimeSpan.FromSeconds(20));

        Assert.Equal(413, status);
    }

    [Fact]
    public async Task Post_ChunkedOver64KB_PayloadTooLargeBeforeBodyEnds()
    {
        var status = await RawHttp.StatusBeforeBodyEndsAsync(new Uri(_url), PlausibleHeaders("Transfer-Encoding: chunked"), RawHttp.FirstChunk(70_000), TimeSpan.FromSeconds(20));

        Assert.Equal(413, status);
    }

    [Fact]
    public async Task Post_UnsignedContentLength30MB_UnauthorizedBeforeBodySent()
    {
        var status = await RawHttp.StatusBeforeBodyEndsAsync(new Uri(_url), ["Content-Length: 30000000"], new byte[1024], TimeSpan.FromSeconds(20));

        Assert.Equal(401, status);
    }

    [Theory]
    [InlineData("""{"type":1.5}""")]
    [InlineData("""[{"type":1}]""")]
    [InlineData("""{"type":"1"}""")]
    [InlineData("""{"id":"1"}""")]
    [InlineData("""{"id":"1","type":2,"token":"t","member":{"roles":"admin"}}""")]
    public async Task Post_SignedMalformedInteraction_BadRequestWithoutBody(string body)
    {
        using var response = await _http.SendAsync(Signed(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Post_NoSignature_Unauthorized()
    {
        using var response = await _http.PostAsync(_url, new StringContent("""{"type":1}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_SlashCommand_InlineEphemeralCallbackAndNoRestCallback()
    {
        _bot.Handler = (_, _) => Task.FromResult(Reply.Private("hello over HTTP"));
        var interaction = FakeDiscordInteractions.SlashCommand(_server, "500000000000000001", "600000000000001234", "petition");

        using var response = await _http.SendAsync(Signed(interaction.ToJsonString()));

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(4, json["type"]!.GetValue<int>());
        Assert.Equal(64, json["data"]!["flags"]!.GetValue<int>());
        Assert.Equal("hello over HTTP", json["data"]!["content"]!.GetValue<string>());
        OpenApiSchemas.AssertValid(OpenApiSchemas.InteractionCallbackBody, json);
        Assert.Equal("petition", Assert.IsType<CommandInput>(Assert.Single(_bot.Inputs)).Command);
        Assert.DoesNotContain(_server.Requests, r => r.Path.StartsWith("interactions/", StringComparison.Ordinal));
    }

    /// <summary>A core that answers after an await (as the real one does, over its store): the handler ends right after
    /// the callback; the answer still goes inline, every time (it used to be a bare 400 whenever the handler won the race).</summary>
    [Fact]
    public async Task Post_CoreAnswersAfterAnAwait_InlineCallbackEveryTime()
    {
        _bot.Handler = async (_, _) =>
        {
            await Task.Yield();
            return Reply.Private("answered after an await");
        };

        for (var i = 0; i < 30; i++)
        {
            var interaction = FakeDiscordInteractions.SlashCommand(_server, "500000000000000001", "600000000000001234", "petition");
            using var response = await _http.SendAsync(Signed(interaction.ToJsonString()));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("answered after an await", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["content"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Map_WithoutPublicKey_NoEndpoint()
    {
        var app = await StartAppAsync(null);
        try
        {
            using var response = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, Address(app) + DiscordEndpointRouteBuilderExtensions.DefaultPattern)
            {
                Content = new StringContent("""{"type":1}"""),
            });

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

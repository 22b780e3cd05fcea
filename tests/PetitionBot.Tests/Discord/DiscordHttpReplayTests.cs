using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NSec.Cryptography;
using PetitionBot.Fakes.Discord;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Discord;

/// <summary>Issue 13 item 4: a captured signed HTTP interaction replayed after a restart (timestamp still within the
/// 5-minute window) is not acted on again, because the seen interaction ids are kept in the store.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class DiscordHttpReplayTests : IAsyncLifetime
{
    private const string Ana = "600000000000000143";
    private readonly TempDirectory _dir = new();
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly HttpClient _http = new();
    private FakeDiscordServer _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeDiscordServer.StartAsync(LiveDiscordBot.DefaultFakeOptions);

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _http.Dispose();
        _key.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Replay_SignedInteractionAfterRestart_NotActedOnAgain()
    {
        var body = FakeDiscordInteractions.SlashCommand(_fake, DiscordFlow.Guild, Ana, "petition").ToJsonString();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var first = await StartAsync();
        string firstAnswer;
        try
        {
            using var response = await _http.SendAsync(Signed(first, body, timestamp));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            firstAnswer = await response.Content.ReadAsStringAsync();
        }
        finally
        {
            await StopAsync(first);
        }

        Assert.Contains("Test petition", firstAnswer, StringComparison.Ordinal);

        var second = await StartAsync();
        try
        {
            using var replay = await _http.SendAsync(Signed(second, body, timestamp));

            Assert.NotEqual(HttpStatusCode.OK, replay.StatusCode);
            Assert.DoesNotContain("Test petition", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await StopAsync(second);
        }
    }

    private Task<IHost> StartAsync() => LiveDiscordBot.StartHostAsync(_dir.Path, _fake, new Dictionary<string, string?>
    {
        ["Discord:PublicKey"] = Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
    });

    private static async Task StopAsync(IHost host)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StopAsync(cts.Token);
        host.Dispose();
    }

    private HttpRequestMessage Signed(IHost host, string body, string timestamp)
    {
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body));
        var request = new HttpRequestMessage(HttpMethod.Post, address + "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NSec.Cryptography;
using PetitionBot.Fakes.Discord;

namespace PetitionBot.Benchmarks.Support;

/// <summary>Discord's side of HTTP interactions, for several bot processes behind one "load balancer": each interaction
/// is signed with the application's Ed25519 key (as Discord signs it) and POSTed to the next process's
/// <c>/discord/interactions</c> in turn. Ack latency = the POST leaving → the response (the inline callback) read.</summary>
internal sealed class DiscordHttpFront : IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(15),
    };

    private readonly FakeDiscordServer _fake;
    private readonly List<string> _endpoints = [];
    private long _next;

    public DiscordHttpFront(FakeDiscordServer fake) => _fake = fake;

    /// <summary>Discord:PublicKey for the bots (hex).</summary>
    public string PublicKeyHex => Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>Interactions answered by each endpoint, in the order they were added.</summary>
    public long[] Answered { get; private set; } = [];

    public void Add(string baseUrl)
    {
        _endpoints.Add(baseUrl.TrimEnd('/') + "/discord/interactions");
        Answered = new long[_endpoints.Count];
    }

    /// <summary>Waits until the endpoint answers a PING with a PONG.</summary>
    public async Task WaitUntilUpAsync(int endpoint, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await _http.SendAsync(Signed(_endpoints[endpoint], """{"type":1,"id":"1","token":"ping","application_id":"1"}"""));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the bot's HTTP interactions endpoint did not answer: " + _endpoints[endpoint]);
    }

    /// <summary>For <see cref="DiscordRig.Deliver"/>: the next endpoint in turn.</summary>
    public async Task<(JsonNode? Callback, double? AckMs)> DeliverAsync(JsonObject interaction)
    {
        var index = (int)(Interlocked.Increment(ref _next) % _endpoints.Count);
        var body = interaction.ToJsonString();
        using var request = Signed(_endpoints[index], body);
        // The webhook opens before the POST: a deferred answer's edit may reach the fake before this response is read.
        _fake.AcknowledgedInline(interaction["id"]!.GetValue<string>(), interaction["token"]!.GetValue<string>());
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var ack = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                return (null, ack);
            }

            Interlocked.Increment(ref Answered[index]);
            return (JsonNode.Parse(text), ack);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (null, null);
        }
    }

    private HttpRequestMessage Signed(string url, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body));
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    public void Dispose()
    {
        _http.Dispose();
        _key.Dispose();
    }
}

using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Telemetry;
using PetitionBot.Hosting;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Hosting;

/// <summary>The real host in bot mode, in-process, on a loopback port: /healthz and /metrics.</summary>
public sealed class HttpEndpointsTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly FakeAdapterStatus _adapter = new("discord");
    private readonly HttpClient _http = new();
    private IHost? _host;

    public async Task InitializeAsync()
    {
        _host = PetitionHost.Build(new PetitionHostOptions(HostMode.Bot, [])
        {
            // The dispatcher polls once at start, then not again during a test: an enqueued delivery stays pending.
            Overrides = TestConfig.For(_dir.Path, new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" }),
            ConfigureServices = s => s.AddSingleton<IAdapterStatusSource>(_adapter),
        });
        await _host.StartAsync();
        var address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _http.BaseAddress = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task Healthz_AdapterConnected_Returns200WithStoreBacklogAndAdapter()
    {
        using var response = await _http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("ok", root.GetProperty("status").GetString());
        Assert.Equal("ok", root.GetProperty("store").GetString());
        Assert.Equal(0, root.GetProperty("outboxPending").GetInt32());
        var adapter = Assert.Single(root.GetProperty("adapters").EnumerateArray());
        Assert.Equal("discord", adapter.GetProperty("name").GetString());
        Assert.Equal("connected", adapter.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Healthz_EveryAdapterStopped_Returns503Unhealthy()
    {
        _adapter.Current = new AdapterStatus("discord", AdapterState.Stopped, "invalid token", DateTimeOffset.UnixEpoch);
        using var response = await _http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("invalid token", json.RootElement.GetProperty("adapters")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Metrics_AfterRecording_ExposesPetitionBotMetricsInPrometheusText()
    {
        BotMetrics.Signatures.Add(1, new KeyValuePair<string, object?>("platform", "discord"));
        BotMetrics.Interactions.Add(1, new("platform", "slack"), new("kind", "command"), new("outcome", "ok"));
        BotMetrics.AckLatency.Record(0.2, new KeyValuePair<string, object?>("platform", "discord"));
        BotMetrics.Deliveries.Add(1, new("platform", "discord"), new("outcome", "delivered"));
        await EnqueueOneAnnouncementAsync();

        using var response = await _http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE petitionbot_signatures_total counter", text);
        Assert.Matches(@"petitionbot_signatures_total\{platform=""discord""\} [1-9]", text);
        Assert.Matches(@"petitionbot_interactions_total\{platform=""slack"",kind=""command"",outcome=""ok""\} [1-9]", text);
        Assert.Contains("# TYPE petitionbot_ack_latency_seconds histogram", text);
        Assert.Matches(@"petitionbot_ack_latency_seconds_bucket\{platform=""discord"",le=""0.25""\} [1-9]", text);
        Assert.Contains("petitionbot_outbox_deliveries_total{platform=\"discord\",outcome=\"delivered\"}", text);
        Assert.Contains("petitionbot_outbox_pending 1", text);
        Assert.Contains("petitionbot_store_up 1", text);
        Assert.Contains("petitionbot_adapter_state{adapter=\"discord\",state=\"connected\"} 1", text);
        Assert.Contains("petitionbot_adapter_state{adapter=\"discord\",state=\"stopped\"} 0", text);
        Assert.DoesNotContain("petitionbot_petitionbot", text);
    }

    [Fact]
    public async Task Metrics_MailFailures_ExposedByReason()
    {
        BotMetrics.MailFailures.Add(1, new KeyValuePair<string, object?>("reason", "refused"));
        BotMetrics.MailFailures.Add(1, new KeyValuePair<string, object?>("reason", "unreachable"));

        var text = await _http.GetStringAsync("/metrics");

        Assert.Contains("# TYPE petitionbot_mail_failures_total counter", text);
        Assert.Matches(@"petitionbot_mail_failures_total\{reason=""refused""\} [1-9]", text);
        Assert.Matches(@"petitionbot_mail_failures_total\{reason=""unreachable""\} [1-9]", text);
    }

    [Fact]
    public async Task Metrics_TagValueLooksLikeIdOrText_IsPublishedAsOther()
    {
        BotMetrics.RateLimited.Add(1, new("platform", "discord"), new("scope", "channels/123456789012345678/messages"), new("user", "U123"));
        BotMetrics.Reconnects.Add(1, new("platform", "slack"), new("reason", "Ana Lopez said hi"));

        var text = await _http.GetStringAsync("/metrics");
        Assert.Contains("petitionbot_rate_limited_total{platform=\"discord\",scope=\"other\"}", text);
        Assert.Contains("petitionbot_reconnects_total{platform=\"slack\",reason=\"other\"}", text);
        Assert.DoesNotContain("123456789012345678", text);
        Assert.DoesNotContain("U123", text);
        Assert.DoesNotContain("Ana Lopez", text);
    }

    [Fact]
    public void Build_BotMode_ShutdownTimeoutLeavesTimeForInFlightWork()
    {
        var options = _host!.Services.GetRequiredService<IOptions<Microsoft.Extensions.Hosting.HostOptions>>().Value;
        Assert.Equal(PetitionHost.ShutdownTimeout, options.ShutdownTimeout);
        Assert.True(options.ShutdownTimeout >= TimeSpan.FromSeconds(15));
    }

    private Task EnqueueOneAnnouncementAsync()
    {
        var outbox = _host!.Services.GetRequiredService<IOutboxStore>();
        var announcement = new Announcement("metrics-test", "test", AnnouncementKind.ChapterUpdate, null, null, "Update", "Meeting at noon", DateTimeOffset.UtcNow);
        return outbox.EnqueueAsync(announcement, [new ChannelRef(PlatformKind.Slack, "T1", "C1")]);
    }
}

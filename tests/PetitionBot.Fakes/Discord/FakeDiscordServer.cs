using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PetitionBot.Fakes.Discord;

/// <summary>
/// An in-process fake of Discord on 127.0.0.1: the gateway WebSocket (Hello, heartbeats, Identify, Resume with replay,
/// op 7, op 9, close codes, zombie mode) and the REST API the bot uses (gateway discovery, command registration,
/// interaction callbacks and webhooks, channel messages with nonce de-duplication and per-channel rate limits).
/// Every REST request and gateway payload is recorded; faults can be injected. Start with <see cref="StartAsync"/>.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();

    private FakeDiscordServer(WebApplication app, FakeDiscordOptions options)
    {
        _app = app;
        Options = options;
    }

    public FakeDiscordOptions Options { get; }

    /// <summary>"http://127.0.0.1:port": the root of the fake.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The value for Discord:ApiBaseUrl ("http://127.0.0.1:port/api/v10").</summary>
    public string ApiBaseUrl => BaseUrl + "/api/v10";

    /// <summary>The gateway URL handed out by GET /gateway/bot.</summary>
    public string GatewayUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway";

    /// <summary>The resume_gateway_url of READY (a different path, so tests can see where the bot resumed).</summary>
    public string ResumeGatewayUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/resume";

    public static async Task<FakeDiscordServer> StartAsync(FakeDiscordOptions? options = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeDiscordServer(app, options ?? new FakeDiscordOptions());
        app.UseWebSockets();
        app.Run(server.RouteAsync);
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return server;
    }

    /// <summary>Polls <paramref name="condition"/> until true; throws <see cref="TimeoutException"/> naming <paramref name="what"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting for " + what);
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    private Task RouteAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path is "/gateway" or "/resume")
        {
            return HandleGatewayAsync(context);
        }

        if (path.StartsWith("/api/v10/", StringComparison.Ordinal))
        {
            return HandleRestAsync(context, path["/api/v10/".Length..]);
        }

        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        FakeGatewayConnection? current;
        lock (_gate)
        {
            current = _current;
        }

        if (current is not null)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await current.CloseAsync(1001, cts.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}

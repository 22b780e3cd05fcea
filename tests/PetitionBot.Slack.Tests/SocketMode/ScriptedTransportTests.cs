using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using PetitionBot.Core.Ports;
using PetitionBot.Fakes.Slack;
using PetitionBot.Slack.SocketMode;
using PetitionBot.Slack.Tests.Support;

namespace PetitionBot.Slack.Tests.SocketMode;

/// <summary>The socket replaced by a scripted transport (apps.connections.open still goes to the fake Web API).</summary>
public sealed class ScriptedTransportTests
{
    [Fact]
    public async Task Envelope_CoreThrows_AckSentOnSameTransport()
    {
        var factory = new ScriptedFactory();
        await using var h = await SlackAdapterHarness.StartAsync(
            services: s => s.AddSingleton<ISocketModeTransportFactory>(factory));
        h.Bot.Handler = (_, _) => throw new InvalidOperationException("boom");
        var first = await factory.Next.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        first.Incoming.Writer.TryWrite("""{"type":"hello","num_connections":1}""");
        first.Incoming.Writer.TryWrite("""{"envelope_id":"e-1","type":"slash_commands","accepts_response_payload":true,"payload":{"team_id":"T0SCHOOL1","user_id":"U0STUDENT","command":"/petition","text":"","channel_id":"C1","trigger_id":"t1"}}""");
        await FakeSlackServer.WaitUntilAsync(() => first.Sent.Count == 1);
        await FakeSlackServer.WaitUntilAsync(() => h.Bot.Inputs.Count == 1);

        Assert.Equal("""{"envelope_id":"e-1"}""", first.Sent.Single());
        await FakeSlackServer.WaitUntilAsync(() => h.Status.Current.State == AdapterState.Connected);
    }

    [Fact]
    public async Task Transport_BreaksWithoutHello_ReplacedByFreshConnection()
    {
        var factory = new ScriptedFactory();
        await using var h = await SlackAdapterHarness.StartAsync(services: s => s.AddSingleton<ISocketModeTransportFactory>(factory));
        var first = await factory.Next.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        first.Incoming.Writer.TryComplete(new IOException("reset"));
        var second = await factory.Next.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        second.Incoming.Writer.TryWrite("""{"type":"hello","num_connections":1}""");
        await FakeSlackServer.WaitUntilAsync(() => h.Status.Current.State == AdapterState.Connected);

        Assert.Equal(2, h.Slack.CallsTo("apps.connections.open").Count);
        Assert.NotSame(first, second);
    }

    private sealed class ScriptedFactory : ISocketModeTransportFactory
    {
        public Channel<ScriptedTransport> Next { get; } = Channel.CreateUnbounded<ScriptedTransport>();

        public ISocketModeTransport Create()
        {
            var t = new ScriptedTransport();
            Next.Writer.TryWrite(t);
            return t;
        }
    }

    private sealed class ScriptedTransport : ISocketModeTransport
    {
        public Channel<string> Incoming { get; } = Channel.CreateUnbounded<string>();

        public ConcurrentQueue<string> Sent { get; } = new();

        public Task ConnectAsync(Uri url, CancellationToken ct = default) => Task.CompletedTask;

        public async Task<string?> ReceiveAsync(CancellationToken ct = default) =>
            await Incoming.Reader.WaitToReadAsync(ct) && Incoming.Reader.TryRead(out var m) ? m : null;

        public Task SendAsync(string text, CancellationToken ct = default)
        {
            Sent.Enqueue(text);
            return Task.CompletedTask;
        }

        public Task CloseAsync(CancellationToken ct = default)
        {
            Incoming.Writer.TryComplete();
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

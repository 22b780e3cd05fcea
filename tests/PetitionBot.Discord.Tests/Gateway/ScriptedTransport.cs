using System.Text.Json.Nodes;
using System.Threading.Channels;
using PetitionBot.Discord.Gateway;

namespace PetitionBot.Discord.Tests.Gateway;

/// <summary>A scripted gateway socket: the test plays the server (<see cref="Send"/>) and checks what the client sends
/// (<see cref="ExpectAsync"/>), in the spirit of Remora's fake gateway.</summary>
internal sealed class ScriptedTransport : IGatewayTransport
{
    private readonly Channel<GatewayFrame> _incoming = Channel.CreateUnbounded<GatewayFrame>();
    private readonly Channel<JsonObject> _sent = Channel.CreateUnbounded<JsonObject>();

    public int? ClosedWith { get; private set; }

    public Task ConnectAsync(Uri uri, CancellationToken ct = default) => Task.CompletedTask;

    public Task SendAsync(string text, CancellationToken ct = default)
    {
        _sent.Writer.TryWrite(JsonNode.Parse(text)!.AsObject());
        return Task.CompletedTask;
    }

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken ct = default) => await _incoming.Reader.ReadAsync(ct);

    public Task CloseAsync(int code, CancellationToken ct = default)
    {
        ClosedWith = code;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Send(JsonObject payload) => _incoming.Writer.TryWrite(GatewayFrame.Message(payload.ToJsonString()));

    public void Hello(int intervalMs) => Send(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = intervalMs } });

    public void ServerClose(int code) => _incoming.Writer.TryWrite(GatewayFrame.Closed(code));

    /// <summary>The next payload the client sent must have opcode <paramref name="op"/>.</summary>
    public async Task<JsonObject> ExpectAsync(int op)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var payload = await _sent.Reader.ReadAsync(cts.Token);
        Assert.True(payload["op"]!.GetValue<int>() == op, $"expected op {op}, got {payload.ToJsonString()}");
        return payload;
    }

    public bool HasSent => _sent.Reader.TryPeek(out _);
}

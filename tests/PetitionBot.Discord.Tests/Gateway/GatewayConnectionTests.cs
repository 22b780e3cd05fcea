using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PetitionBot.Core.Ports;
using PetitionBot.Discord.Gateway;
using PetitionBot.Discord.Tests.Support;

namespace PetitionBot.Discord.Tests.Gateway;

/// <summary>One connection against a scripted socket and a fake clock.</summary>
public sealed class GatewayConnectionTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedTransport _socket = new();
    private readonly GatewaySession _session = new();
    private readonly Channel<GatewayDispatch> _events = Channel.CreateUnbounded<GatewayDispatch>();
    private readonly DiscordAdapterStatus _status;

    public GatewayConnectionTests() => _status = new DiscordAdapterStatus(_time);

    private Task<SessionOutcome> Run(bool resume = false) =>
        new GatewayConnection(_socket, _session, _events.Writer, _status, "secret-token", _time, DiscordHarness.FastTimings, NullLogger.Instance)
            .RunAsync(resume);

    /// <summary>Advances the fake clock one interval at a time until <paramref name="done"/>: the client registers its
    /// next timer only after a send completes, so a single advance could land before the timer exists.</summary>
    private async Task AdvanceUntilAsync(Func<bool> done, TimeSpan step, TimeSpan? pause = null)
    {
        for (var i = 0; i < 200 && !done(); i++)
        {
            _time.Advance(step);
            await Task.Delay(pause ?? TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Moves the clock in small steps until the client has sent something: its heartbeat timer starts a moment
    /// after it sent Identify, and one jump made before then would never fire it (the test waited 5 s for nothing).</summary>
    private Task AdvanceUntilSentAsync() => AdvanceUntilAsync(() => _socket.HasSent, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(50));

    private static JsonObject Dispatch(string name, long seq, JsonObject d) => new() { ["op"] = 0, ["t"] = name, ["s"] = seq, ["d"] = d };

    [Fact]
    public async Task Hello_NewSession_IdentifiesThenHeartbeatsWithinInterval()
    {
        var run = Run();
        _socket.Hello(1000);

        var identify = await _socket.ExpectAsync(2);
        Assert.Equal(1, identify["d"]!["intents"]!.GetValue<int>());
        Assert.Equal("secret-token", identify["d"]!["token"]!.GetValue<string>());
        await AdvanceUntilSentAsync();
        var heartbeat = await _socket.ExpectAsync(1);
        Assert.Null(heartbeat["d"]);

        _socket.ServerClose(4000);
        Assert.Equal(SessionNext.Resume, (await run).Next);
    }

    [Fact]
    public async Task Ready_Dispatch_StoresSessionAndEnqueuesEvent()
    {
        var run = Run();
        _socket.Hello(60_000);
        await _socket.ExpectAsync(2);

        _socket.Send(Dispatch("READY", 1, new JsonObject { ["session_id"] = "s1", ["resume_gateway_url"] = "wss://resume.test" }));
        var ready = await _events.Reader.ReadAsync();

        Assert.Equal("READY", ready.EventName);
        Assert.Equal("s1", _session.SessionId);
        Assert.Equal("wss://resume.test", _session.ResumeUrl);
        Assert.Equal(1, _session.Sequence);
        Assert.Equal(AdapterState.Connected, _status.Current.State);
        _socket.ServerClose(4000);
        await run;
    }

    [Fact]
    public async Task Hello_ResumableSession_SendsResumeWithSessionAndSeq()
    {
        _session.SessionId = "s1";
        _session.ResumeUrl = "wss://resume.test";
        _session.Sequence = 42;
        var run = Run(resume: true);
        _socket.Hello(60_000);

        var resume = await _socket.ExpectAsync(6);

        Assert.Equal("s1", resume["d"]!["session_id"]!.GetValue<string>());
        Assert.Equal(42, resume["d"]!["seq"]!.GetValue<long>());
        _socket.ServerClose(4000);
        await run;
    }

    [Fact]
    public async Task Heartbeat_NoAckBeforeNext_ZombieOutcomeResume()
    {
        var run = Run();
        _socket.Hello(1000);
        await _socket.ExpectAsync(2);
        await AdvanceUntilSentAsync();
        await _socket.ExpectAsync(1);

        await AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromMilliseconds(1000));
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(SessionNext.Resume, outcome.Next);
        Assert.Contains("zombie", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heartbeat_AckBeforeNext_KeepsBeating()
    {
        var run = Run();
        _socket.Hello(1000);
        await _socket.ExpectAsync(2);
        await AdvanceUntilSentAsync();
        await _socket.ExpectAsync(1);
        _socket.Send(new JsonObject { ["op"] = 11 });

        // Frames are handled in order: once the dispatch after the ack reaches the queue, the ack has been seen.
        _socket.Send(Dispatch("GUILD_CREATE", 1, new JsonObject { ["id"] = "1" }));
        await _events.Reader.ReadAsync();

        await AdvanceUntilAsync(() => _socket.HasSent || run.IsCompleted, TimeSpan.FromMilliseconds(1000));

        await _socket.ExpectAsync(1);
        Assert.False(run.IsCompleted);
        _socket.ServerClose(4000);
        await run;
    }

    [Theory]
    [InlineData(4004, (int)SessionNext.Stop)]
    [InlineData(4014, (int)SessionNext.Stop)]
    [InlineData(4009, (int)SessionNext.Identify)]
    [InlineData(4000, (int)SessionNext.Resume)]
    [InlineData(1001, (int)SessionNext.Resume)]
    public async Task ServerClose_Code_MapsToNextStep(int code, int expected)
    {
        var run = Run();
        _socket.Hello(60_000);
        await _socket.ExpectAsync(2);

        _socket.ServerClose(code);

        Assert.Equal((SessionNext)expected, (await run).Next);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_ClearsSessionAndIdentifies()
    {
        _session.SessionId = "s1";
        _session.ResumeUrl = "wss://resume.test";
        var run = Run(resume: true);
        _socket.Hello(60_000);
        await _socket.ExpectAsync(6);

        _socket.Send(new JsonObject { ["op"] = 9, ["d"] = false });
        var outcome = await run;

        Assert.Equal(SessionNext.Identify, outcome.Next);
        Assert.False(_session.CanResume);
        Assert.NotEqual(1000, _socket.ClosedWith);
    }

    [Fact]
    public async Task Reconnect_Op7_ClosesResumablyAndResumesAtOnce()
    {
        var run = Run();
        _socket.Hello(60_000);
        await _socket.ExpectAsync(2);

        _socket.Send(new JsonObject { ["op"] = 7, ["d"] = null });
        var outcome = await run;

        Assert.Equal(SessionNext.Resume, outcome.Next);
        Assert.Equal(TimeSpan.Zero, outcome.Delay);
        Assert.Equal(4000, _socket.ClosedWith);
    }
}

using System.Text.Json.Nodes;
using PetitionBot.Core.Ports;
using PetitionBot.Fakes.Discord;
using PetitionBot.Tests.Support;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.Discord;

/// <summary>Issue 8: the Discord session ends on a stop for good (close 1000) and survives a restart (close 4000, the
/// session left in the handoff file next to the database, RESUME on the next start), two real hosts on one database.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class DiscordRestartTests : IAsyncLifetime
{
    private const string Ana = "600000000000000141";
    private readonly TempDirectory _dir = new();
    private FakeDiscordServer _fake = null!;

    private string HandoffFile => Path.Combine(_dir.Path, "petitionbot.db.discord-session");

    public async Task InitializeAsync() => _fake = await FakeDiscordServer.StartAsync(LiveDiscordBot.DefaultFakeOptions);

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Stop_ForGood_ClosesWith1000AndLeavesNoSession()
    {
        var host = await LiveDiscordBot.StartHostAsync(_dir.Path, _fake);

        await StopAsync(host);

        Assert.Equal([1000], _fake.ClientCloseCodes);
        Assert.False(File.Exists(HandoffFile));
    }

    [Fact]
    public async Task Restart_WithinValidity_ResumesOldSessionAndMissedInteractionIsAnswered()
    {
        var first = await LiveDiscordBot.StartHostAsync(_dir.Path, _fake);
        var session = _fake.SessionId;
        await InteractAsync(_fake, FakeDiscordInteractions.SlashCommand(_fake, Guild, Ana, "petition")); // READY = 1, this = 2
        first.Services.GetRequiredService<ShutdownIntent>().RequestRestart();
        await StopAsync(first);
        Assert.Equal([4000], _fake.ClientCloseCodes);
        Assert.True(File.Exists(HandoffFile));
        var missed = await _fake.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(_fake, Guild, Ana, "petition")); // seq 3, nobody connected

        var second = await LiveDiscordBot.StartHostAsync(_dir.Path, _fake);
        try
        {
            var resume = FirstOpOnConnection(2);
            Assert.Equal(6, resume.Op);
            Assert.Equal(session, resume.Data!["session_id"]!.GetValue<string>());
            Assert.Equal(2, resume.Data["seq"]!.GetValue<long>());
            Assert.Equal("/resume", _fake.ConnectionPaths[1]);
            Assert.Contains("Test petition", Text((await CallbackAsync(_fake, missed))["data"]), StringComparison.Ordinal);
            Assert.Equal(1, _fake.CountOp(2));
            Assert.False(File.Exists(HandoffFile)); // good once
        }
        finally
        {
            await StopAsync(second);
        }
    }

    [Fact]
    public async Task Restart_SavedSessionOlderThanValidity_Identifies()
    {
        await RestartStopAsync();
        var saved = JsonNode.Parse(await File.ReadAllTextAsync(HandoffFile))!;
        saved["savedAt"] = DateTimeOffset.UtcNow.AddMinutes(-10);
        await File.WriteAllTextAsync(HandoffFile, saved.ToJsonString());

        var second = await LiveDiscordBot.StartHostAsync(_dir.Path, _fake);
        await StopAsync(second);

        Assert.Equal(2, FirstOpOnConnection(2).Op);
        Assert.Equal("/gateway", _fake.ConnectionPaths[1]);
        Assert.Equal(0, _fake.CountOp(6));
    }

    [Fact]
    public async Task Restart_SavedSessionDiscordNoLongerKnows_ResumeRefusedThenIdentifies()
    {
        await RestartStopAsync();
        var saved = JsonNode.Parse(await File.ReadAllTextAsync(HandoffFile))!;
        saved["sessionId"] = "session-discord-forgot";
        await File.WriteAllTextAsync(HandoffFile, saved.ToJsonString());

        var second = await LiveDiscordBot.StartHostAsync(_dir.Path, _fake);
        await StopAsync(second);

        Assert.Equal(6, FirstOpOnConnection(2).Op); // refused with op 9 d:false by the fake
        Assert.Equal(2, FirstOpOnConnection(3).Op);
        Assert.Equal(2, _fake.CountOp(2));
    }

    [Fact]
    public async Task Restart_HandoffFile_HoldsNoTokenAndOwnerOnly()
    {
        await RestartStopAsync();

        var text = await File.ReadAllTextAsync(HandoffFile);
        Assert.DoesNotContain(_fake.Options.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Ana, text, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(HandoffFile));
        }
    }

    private async Task RestartStopAsync()
    {
        var first = await LiveDiscordBot.StartHostAsync(_dir.Path, _fake);
        first.Services.GetRequiredService<ShutdownIntent>().RequestRestart();
        await StopAsync(first);
        Assert.True(File.Exists(HandoffFile));
    }

    /// <summary>The first payload the bot sent on the <paramref name="connection"/>-th gateway connection (after HELLO).</summary>
    private FakeGatewayFrame FirstOpOnConnection(int connection) => _fake.GatewayFrames.First(f => f.Connection == connection);

    private static async Task StopAsync(IHost host)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.StopAsync(cts.Token);
        host.Dispose();
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Discord.Tests.Support;
using PetitionBot.Fakes.Discord;

namespace PetitionBot.Discord.Tests.Gateway;

/// <summary>The gateway client against the fake Discord over real loopback WebSockets.</summary>
public sealed class GatewayLoopbackTests
{
    private static FakeDiscordOptions Fast(int heartbeatMs = 150) => new() { HeartbeatIntervalMs = heartbeatMs };

    [Fact]
    public async Task Connect_FreshStart_IdentifiesWithGuildsIntentAndToken()
    {
        await using var h = await DiscordHarness.StartAsync(Fast());

        var identify = await h.Server.WaitForOpAsync(2);
        Assert.Equal(1, identify.Data!["intents"]!.GetValue<int>());
        Assert.Equal(h.Server.Options.Token, identify.Data["token"]!.GetValue<string>());
        Assert.NotNull(identify.Data["properties"]!["os"]);
        Assert.Equal("/gateway", h.Server.ConnectionPaths[0]);
        Assert.Equal(AdapterState.Connected, h.Status.State);
        Assert.Contains(h.Server.Requests, r => r.Method == "GET" && r.Path == "gateway/bot");
    }

    [Fact]
    public async Task Heartbeat_AfterHello_SentRepeatedlyWithLastSequence()
    {
        await using var h = await DiscordHarness.StartAsync(Fast(100));

        await h.Server.WaitForOpAsync(1, occurrence: 3);
        var heartbeats = h.Server.GatewayFrames.Where(f => f.Op == 1).ToList();
        Assert.All(heartbeats, f => Assert.True(f.Data is null || f.Data.GetValue<long>() >= 1));
        Assert.Equal(1, h.Server.ConnectionCount);
    }

    [Fact]
    public async Task Heartbeat_ServerRequestsOne_SentAtOnce()
    {
        await using var h = await DiscordHarness.StartAsync(Fast(60_000));
        var before = h.Server.CountOp(1);

        await h.Server.RequestHeartbeatAsync();

        await h.Server.WaitForOpAsync(1, before + 1, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task ServerClose4000_AfterEvents_ResumesWithSessionIdAndSequence()
    {
        await using var h = await DiscordHarness.StartAsync(Fast(60_000));
        await h.Server.GuildCreateAsync(new FakeGuild("500000000000000001", "Med School A"));
        await FakeDiscordServer.WaitUntilAsync(() => h.Bot.Joined.Count == 1, "GUILD_CREATE handled");
        var session = h.Server.SessionId;

        await h.Server.CloseConnectionAsync(4000);

        var resume = await h.Server.WaitForOpAsync(6);
        Assert.Equal(session, resume.Data!["session_id"]!.GetValue<string>());
        Assert.Equal(2, resume.Data["seq"]!.GetValue<long>());
        Assert.Equal("/resume", h.Server.ConnectionPaths[1]);
        Assert.Equal(1, h.Server.CountOp(2));
        await FakeDiscordServer.WaitUntilAsync(() => h.Status.State == AdapterState.Connected, "connected again");
    }

    [Fact]
    public async Task Resume_EventsMissedWhileDisconnected_Replayed()
    {
        await using var h = await DiscordHarness.StartAsync(Fast(60_000));
        await h.Server.CloseConnectionAsync(4000);
        await h.Server.GuildCreateAsync(new FakeGuild("500000000000000009", "Missed"));

        await h.Server.WaitForOpAsync(6);

        await FakeDiscordServer.WaitUntilAsync(() => h.Bot.Joined.Any(j => j.Server.ServerId == "500000000000000009"), "replayed GUILD_CREATE");
    }

    [Fact]
    public async Task Op7Reconnect_ConnectedSession_Resumes()
    {
        await using var h = await DiscordHarness.StartAsync(Fast(60_000));

        await h.Server.SendReconnectAsync();

        await h.Server.WaitForOpAsync(6);
        Assert.Equal(2, h.Server.ConnectionCount);
        Assert.Equal(1, h.Server.CountOp(2));
    }

    [Fact]
    public async Task Op9InvalidSession_Resumable_Resumes()
    {
        await using var h = await DiscordHarness.StartAsync(Fast(60_000));

        await h.Server.SendInvalidSessionAsync(resumable: true);

        await h.Server.WaitForOpAsync(6);
        Assert.Equal(1, h.Server.CountOp(2));
    }

    [Fact]
    public async Task Op9InvalidSession_NotResumable_IdentifiesAnew()
    {
        await using var h = await DiscordHarness.StartAsync(Fast(60_000));

        await h.Server.SendInvalidSessionAsync(resumable: false);

        await h.Server.WaitForOpAsync(2, occurrence: 2);
        Assert.Equal(0, h.Server.CountOp(6));
        Assert.Equal("/gateway", h.Server.ConnectionPaths[1]);
    }

    [Fact]
    public async Task Zombie_HeartbeatsNotAcknowledged_ReconnectsAndResumes()
    {
        await using var h = await DiscordHarness.StartAsync(Fast(100));
        var session = h.Server.SessionId;

        h.Server.AckHeartbeats = false;
        await h.Server.WaitForConnectionsAsync(2, TimeSpan.FromSeconds(5));
        h.Server.AckHeartbeats = true;

        var resume = await h.Server.WaitForOpAsync(6);
        Assert.Equal(session, resume.Data!["session_id"]!.GetValue<string>());
        Assert.Contains(h.Logs.Entries, e => e.Message.Contains("zombie", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Close4004_BadToken_StopsAdapterOnceWithoutReconnectAndHostKeepsRunning()
    {
        await using var h = await DiscordHarness.StartAsync(Fast(60_000));

        await h.Server.CloseConnectionAsync(4004);

        await FakeDiscordServer.WaitUntilAsync(() => h.Status.State == AdapterState.Stopped, "adapter stopped");
        await Task.Delay(300);
        Assert.Equal(1, h.Server.ConnectionCount);
        Assert.Contains("4004", h.Status.Reason, StringComparison.Ordinal);
        Assert.Single(h.Logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.False(h.Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.DoesNotContain(h.Logs.Entries, e => e.Message.Contains(h.Server.Options.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Identify_WrongToken_StopsWithReasonAndNoLoop()
    {
        await using var h = await DiscordHarness.StartAsync(Fast(60_000), waitConnected: false, token: "d3Jvbmc.dG9rZW4.Zm9yLXRoaXMtYm90");

        await FakeDiscordServer.WaitUntilAsync(() => h.Status.State == AdapterState.Stopped, "adapter stopped");
        await Task.Delay(200);
        Assert.Equal(0, h.Server.ConnectionCount);
        Assert.Contains("401", h.Status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuildEvents_CreateAndDelete_ReportedToCoreExceptOutages()
    {
        var guild = new FakeGuild("500000000000000002", "Med School B");
        await using var h = await DiscordHarness.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 60_000, Guilds = [guild] });
        await FakeDiscordServer.WaitUntilAsync(() => h.Bot.Joined.Count == 1, "GUILD_CREATE from READY");

        await h.Server.GuildDeleteAsync(guild.Id, unavailable: true);
        await h.Server.GuildDeleteAsync(guild.Id);

        await FakeDiscordServer.WaitUntilAsync(() => h.Bot.Left.Count >= 1, "GUILD_DELETE handled");
        await Task.Delay(100);
        Assert.Equal(new ServerRef(PlatformKind.Discord, guild.Id), Assert.Single(h.Bot.Left));
        Assert.Equal(("Med School B"), h.Bot.Joined.Single().Name);
    }

    [Fact]
    public async Task Start_SessionStartLimitExhausted_WaitsInsteadOfIdentifying()
    {
        await using var h = await DiscordHarness.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 60_000, SessionStartRemaining = 0 }, waitConnected: false);

        await FakeDiscordServer.WaitUntilAsync(() => h.Status.Reason?.Contains("session start limit", StringComparison.Ordinal) == true, "waiting on the limit");
        await Task.Delay(300);

        Assert.Equal(0, h.Server.ConnectionCount);
        Assert.Equal(AdapterState.Reconnecting, h.Status.State);
    }
}

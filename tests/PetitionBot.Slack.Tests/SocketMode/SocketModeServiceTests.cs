using Microsoft.Extensions.Logging;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Ports;
using PetitionBot.Fakes.Slack;
using PetitionBot.Slack.Tests.Support;

namespace PetitionBot.Slack.Tests.SocketMode;

public sealed class SocketModeServiceTests
{
    [Fact]
    public async Task Start_EveryConnection_UrlFetchedFromAppsConnectionsOpenWithAppToken()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        var first = await h.Slack.WaitForConnectionAsync(1);
        await FakeSlackServer.WaitUntilAsync(() => h.Status.Current.State == AdapterState.Connected);

        await first.DisconnectAsync("warning", TimeSpan.FromSeconds(5));
        await h.Slack.WaitForConnectionAsync(2);

        var opens = h.Slack.CallsTo("apps.connections.open");
        Assert.Equal(2, opens.Count);
        Assert.All(opens, c => Assert.Equal(h.Slack.AppToken, c.Token));
        Assert.Equal(2, h.Socket.ConnectionsOpened);
    }

    [Fact]
    public async Task Envelope_HandlerThrows_StillAckedOnSameSocket()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        h.Bot.Handler = (_, _) => throw new InvalidOperationException("core broke");
        var connection = await h.Slack.WaitForConnectionAsync();

        var ack = await h.Slack.SendSlashCommandAsync(SlackAdapterHarness.TeamId, "U0STUDENT", "/petition");

        Assert.Equal(connection.Id, ack.ConnectionId);
        await FakeSlackServer.WaitUntilAsync(() => h.Bot.Inputs.Count == 1);
    }

    [Fact]
    public async Task Envelope_RedeliveredWithSameId_CoreCalledOnceAndBothAcked()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        await h.Slack.WaitForConnectionAsync();

        var first = await h.Slack.SendSlashCommandAsync(SlackAdapterHarness.TeamId, "U0STUDENT", "/sign");
        var second = await h.Slack.RedeliverAsync(first.EnvelopeId);
        await Task.Delay(200);

        Assert.Equal(first.EnvelopeId, second.EnvelopeId);
        Assert.Single(h.Bot.Inputs);
        Assert.Equal(2, h.Slack.Acks.Count(a => a.EnvelopeId == first.EnvelopeId));
    }

    [Fact]
    public async Task Envelope_RetryAttemptWithNewIdButSameTrigger_CoreCalledOnce()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        await h.Slack.WaitForConnectionAsync();
        await h.Slack.SendSlashCommandAsync(SlackAdapterHarness.TeamId, "U0STUDENT", "/sign");
        var original = h.Slack.Calls.Count;
        var payload = System.Text.Json.Nodes.JsonNode.Parse(
            """{"team_id":"T0SCHOOL1","user_id":"U0STUDENT","channel_id":"C1","command":"/sign","text":"","trigger_id":"same.trigger.1"}""")!.AsObject();

        await h.Slack.SendEnvelopeAsync("slash_commands", payload);
        await h.Slack.SendEnvelopeAsync("slash_commands", payload.DeepClone().AsObject(), retryAttempt: 1);
        await Task.Delay(200);

        Assert.Equal(2, h.Bot.Inputs.Count);
        Assert.True(h.Slack.Calls.Count > original);
    }

    [Fact]
    public async Task RefreshRequested_NewConnectionBeforeOldCloses_NoEnvelopeLost()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        var old = await h.Slack.WaitForConnectionAsync(1);

        await old.DisconnectAsync("refresh_requested", TimeSpan.FromSeconds(10));
        var onOld = h.Slack.SendSlashCommandAsync(SlackAdapterHarness.TeamId, "U0STUDENT", "/petition", via: old);
        var fresh = await h.Slack.WaitForConnectionAsync(2);
        var onNew = await h.Slack.SendSlashCommandAsync(SlackAdapterHarness.TeamId, "U0STUDENT", "/totals", via: fresh);
        var oldAck = await onOld;
        await old.Closed.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(old.ClosedByClient);
        Assert.True(fresh.HelloAt < old.ClosedAt, "the new socket said hello before the old one closed");
        Assert.Equal(old.Id, oldAck.ConnectionId);
        Assert.Equal(fresh.Id, onNew.ConnectionId);
        await FakeSlackServer.WaitUntilAsync(() => h.Bot.Inputs.Count == 2);
        Assert.Equal(["petition", "totals"], h.Bot.Inputs.Cast<CommandInput>().Select(i => i.Command).Order());
        await FakeSlackServer.WaitUntilAsync(() => h.Status.Current.State == AdapterState.Connected);
    }

    [Fact]
    public async Task Disconnect_LinkDisabled_AdapterStoppedWithoutReconnecting()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        var connection = await h.Slack.WaitForConnectionAsync();

        await connection.DisconnectAsync("link_disabled");
        await FakeSlackServer.WaitUntilAsync(() => h.Status.Current.State == AdapterState.Stopped);
        await Task.Delay(300);

        Assert.Contains("link_disabled", h.Status.Current.Reason, StringComparison.Ordinal);
        Assert.Single(h.Slack.CallsTo("apps.connections.open"));
        Assert.True(h.Socket.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Disconnect_TooManyWebsockets_ClosedThenBackedOffBeforeReconnecting()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        var first = await h.Slack.WaitForConnectionAsync();

        await first.DisconnectAsync("too_many_websockets", TimeSpan.FromSeconds(10));
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        var second = await h.Slack.WaitForConnectionAsync(2);

        Assert.True(first.ClosedByClient, "the client closed the socket itself");
        Assert.True(second.OpenedAt - first.ClosedAt!.Value >= TimeSpan.FromMilliseconds(350), $"backed off {second.OpenedAt - first.ClosedAt}");
        await FakeSlackServer.WaitUntilAsync(() => h.Status.Current.State == AdapterState.Connected);
    }

    [Fact]
    public async Task SilentSocket_NoPongs_ReplacedByNewConnection()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        var first = await h.Slack.WaitForConnectionAsync();

        first.GoSilent();
        var second = await h.Slack.WaitForConnectionAsync(2, TimeSpan.FromSeconds(5));
        var ack = await h.Slack.SendSlashCommandAsync(SlackAdapterHarness.TeamId, "U0STUDENT", "/petition");

        Assert.Equal(second.Id, ack.ConnectionId);
        await FakeSlackServer.WaitUntilAsync(() => h.Bot.Inputs.Count == 1);
        Assert.False(first.IsSilent && h.Slack.ActiveConnection == first);
    }

    [Fact]
    public async Task AppsConnectionsOpen_InvalidAuth_StopsCleanlyWithOneLogLine()
    {
        await using var h = await SlackAdapterHarness.StartAsync(slack => slack.AppTokenRevoked = true);

        await FakeSlackServer.WaitUntilAsync(() => h.Status.Current.State == AdapterState.Stopped);
        await h.Socket.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(200);

        Assert.True(h.Socket.ExecuteTask.IsCompletedSuccessfully);
        Assert.Contains("invalid_auth", h.Status.Current.Reason, StringComparison.Ordinal);
        Assert.Single(h.Slack.CallsTo("apps.connections.open"));
        var errors = h.Logs.Entries.Where(l => l.Level >= LogLevel.Error).ToList();
        Assert.Single(errors);
        Assert.Contains("invalid_auth", errors[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Logs.Entries, l => l.Text.Contains("xapp-", StringComparison.Ordinal) || l.Text.Contains("xoxb-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AppsConnectionsOpen_RateLimited_RetriesAfterRetryAfter()
    {
        await using var h = await SlackAdapterHarness.StartAsync(slack => slack.RateLimitNext("apps.connections.open", 1));

        await h.Slack.WaitForConnectionAsync(1, TimeSpan.FromSeconds(5));

        var opens = h.Slack.CallsTo("apps.connections.open");
        Assert.Equal(2, opens.Count);
        Assert.Equal(429, opens[0].StatusCode);
        Assert.True(opens[1].At - opens[0].At >= TimeSpan.FromMilliseconds(900));
    }
}

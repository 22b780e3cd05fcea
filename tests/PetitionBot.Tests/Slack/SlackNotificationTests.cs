using PetitionBot.Core.Ports;
using PetitionBot.Fakes.Slack;

namespace PetitionBot.Tests.Slack;

/// <summary>The notification opt-in end to end on the fake Slack: sign, press the opt-in button, the organizer records a
/// response and the delivery; each opted-in signer gets exactly one DM per event (conversations.open, then
/// chat.postMessage to the DM), and a user the app cannot message (cannot_dm_bot) is dropped and not tried again.</summary>
public sealed class SlackNotificationTests
{
    private const string Blocked = "U0BLOCKED";
    private static readonly string[] Subscribers = ["U0ANA", "U0BEN"];

    [Fact]
    public async Task RespondThenDelivered_TwoOptedInSigners_ExactlyOneDirectMessageEachPerEventUndeliverableDropped()
    {
        await using var h = await SlackHost.StartAsync(
            s => s.Team(SlackHost.TeamA).AddUser(Blocked).AddUser(Subscribers[0]).AddUser(Subscribers[1]).AddUser("U0CAL"),
            new Dictionary<string, string?>
            {
                ["Campaigns:0:Notifications"] = "true",
                ["Campaigns:0:Recipients:0"] = "Association of American Medical Colleges (AAMC)",
                ["Notifications:DirectMessageInterval"] = "00:00:00.100",
            });
        await h.Slack.WaitForConnectionAsync();
        foreach (var user in new[] { Blocked }.Concat(Subscribers))
        {
            var (done, _) = await h.SignAsync(SlackHost.TeamA, user, "Signer " + user, named: true);
            var optIn = SlackHost.Strings(done.Blocks).First(s => s.StartsWith("nt:", StringComparison.Ordinal) && s.EndsWith(":on", StringComparison.Ordinal));
            var skip = h.Slack.MessagesFor(SlackHost.TeamA, user).Count;
            await h.Slack.SendBlockActionAsync(SlackHost.TeamA, user, optIn);
            var reply = await h.NextMessageAsync(SlackHost.TeamA, user, skip, _ => true);
            Assert.StartsWith("Done: PetitionBot will send you one private message", reply.Text, StringComparison.Ordinal);
        }

        await h.SignAsync(SlackHost.TeamA, "U0CAL", "Cal Plain", named: true);

        // Slack answers that this app cannot message the blocked user, whenever (and in whatever order) their DM is opened.
        h.Slack.Team(SlackHost.TeamA).BlockDirectMessages(Blocked);
        await h.Slack.SendSlashCommandAsync(SlackHost.TeamA, SlackHost.Organizer, "/respond", "recipient:AAMC text:\"We hear you <!channel>.\"");
        await WaitForDirectMessagesAsync(h, 1);
        await FakeSlackServer.WaitUntilAsync(() => h.OutboxPendingAsync().GetAwaiter().GetResult() == 0, TimeSpan.FromSeconds(20));
        var subscriptions = h.Host.Services.GetRequiredService<ISubscriptionStore>();

        // The delivery marks its outbox item failed and then drops the opt-in: wait for the drop, not only for the outbox.
        var until = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
        while ((await subscriptions.FindAllAsync($"slack:{SlackHost.TeamA}:{Blocked}")).Count > 0 && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(20);
        }

        Assert.Empty(await subscriptions.FindAllAsync($"slack:{SlackHost.TeamA}:{Blocked}"));

        await h.Slack.SendSlashCommandAsync(SlackHost.TeamA, SlackHost.Organizer, "/delivered", "link:https://example.org/letter");
        await h.Slack.SendSlashCommandAsync(SlackHost.TeamA, SlackHost.Organizer, "/delivered");
        await WaitForDirectMessagesAsync(h, 2);
        await FakeSlackServer.WaitUntilAsync(() => h.OutboxPendingAsync().GetAwaiter().GetResult() == 0, TimeSpan.FromSeconds(20));
        await Task.Delay(300);

        foreach (var user in Subscribers)
        {
            var dms = h.Slack.DirectMessages(SlackHost.TeamA, user);
            Assert.Equal(2, dms.Count);
            Assert.Contains("AAMC) responded", dms[0].AllText, StringComparison.Ordinal);
            Assert.Contains("&lt;!channel&gt;", dms[0].Text, StringComparison.Ordinal);
            Assert.Contains("was delivered on", dms[1].AllText, StringComparison.Ordinal);
        }

        Assert.Empty(h.Slack.DirectMessages(SlackHost.TeamA, Blocked));
        Assert.Empty(h.Slack.DirectMessages(SlackHost.TeamA, "U0CAL"));
        Assert.Single(h.Slack.CallsTo("conversations.open"), c => c.Json?["users"]?.GetValue<string>() == Blocked);
    }

    /// <summary>Waits until each subscriber has at least <paramref name="count"/> DMs (more are caught by the exact counts
    /// asserted at the end); on timeout says what each one got, what the organizer was told, what the outbox holds and
    /// which errors the bot logged.</summary>
    private static async Task WaitForDirectMessagesAsync(SlackHost h, int count)
    {
        try
        {
            await FakeSlackServer.WaitUntilAsync(() => Subscribers.All(u => h.Slack.DirectMessages(SlackHost.TeamA, u).Count >= count), TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            var got = string.Join("; ", Subscribers.Select(u => $"{u}: {h.Slack.DirectMessages(SlackHost.TeamA, u).Count}"));
            var told = string.Join(" | ", h.Slack.MessagesFor(SlackHost.TeamA, SlackHost.Organizer).Select(m => m.Text));
            var opened = string.Join(",", h.Slack.CallsTo("conversations.open").Select(c => $"{c.Json?["users"]}:{c.Error ?? "ok"}"));
            var errors = string.Join(" | ", h.Logs.AtLeast(Microsoft.Extensions.Logging.LogLevel.Error).Select(e => e.ToString()));
            Assert.Fail($"expected {count} DMs each in 20 s; got {got}; conversations.open {opened}; outbox pending {await h.OutboxPendingAsync()}; " +
                        $"organizer was told: {told}; errors logged: {errors}");
        }
    }
}

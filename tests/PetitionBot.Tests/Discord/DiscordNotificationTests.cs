using System.Text.Json.Nodes;
using PetitionBot.Core.Ports;
using PetitionBot.Fakes.Discord;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.Discord;

/// <summary>The notification opt-in end to end on the fake Discord: sign, press the opt-in button, an organizer records
/// a response and then the delivery; each opted-in signer gets exactly one DM per event (POST /users/@me/channels, then
/// the message), a signer who blocks DMs (50007) is dropped and not tried again.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class DiscordNotificationTests
{
    private const string Admin = "600000000000000501";
    private const string Channel = "700000000000000501";
    private static readonly string[] Subscribers = ["600000000000000511", "600000000000000512"];
    private const string Blocked = "600000000000000513";
    private const string NotOptedIn = "600000000000000514";

    [Fact]
    public async Task RespondThenDelivered_TwoOptedInSigners_ExactlyOneDirectMessageEachPerEventBlockedUserDropped()
    {
        await using var bot = await LiveDiscordBot.StartAsync(extra: new Dictionary<string, string?>
        {
            ["Campaigns:0:Notifications"] = "true",
            ["Campaigns:0:Recipients:0"] = "Association of American Medical Colleges (AAMC)",
            ["Notifications:DirectMessageInterval"] = "00:00:00.100",
        });
        await bot.SetupChannelAsync(Guild, Admin, Channel);
        foreach (var user in Subscribers.Append(Blocked))
        {
            var signed = await SignAsync(bot.Fake, user, "Signer " + user[^3..]);
            Assert.StartsWith("Signed", Text(signed.Done["data"]), StringComparison.Ordinal);
            var optedIn = await InteractAsync(bot.Fake, FakeDiscordInteractions.Button(bot.Fake, Guild, user, ButtonId(signed.Done, "on")));
            Assert.StartsWith("Done: PetitionBot will send you one private message", Text(optedIn["data"]), StringComparison.Ordinal);
        }

        var plain = await SignAsync(bot.Fake, NotOptedIn, "Plain Signer");
        Assert.True(HasButton(plain.Done, "on"));
        bot.Fake.BlockDirectMessages(Blocked);

        var respond = await InteractAsync(bot.Fake, FakeDiscordInteractions.SlashCommand(bot.Fake, Guild, LiveDiscordBot.OrganizerId, "respond",
            new Dictionary<string, JsonNode?> { ["recipient"] = "AAMC", ["text"] = "We hear you @everyone." }));
        Assert.Contains("3 signers who asked get a private message.", Text(respond["data"]), StringComparison.Ordinal);
        await FakeDiscordServer.WaitUntilAsync(() => Subscribers.All(u => bot.Fake.DirectMessagesTo(u) == 1), "one DM per subscriber", DiscordFlow.Timeout);
        await bot.OutboxDrainedAsync();

        var subscriptions = bot.Host.Services.GetRequiredService<ISubscriptionStore>();
        Assert.Empty(await subscriptions.FindAllAsync("discord:" + Blocked));
        Assert.Equal(0, bot.Fake.DirectMessagesTo(Blocked));
        Assert.Null(bot.Fake.DirectMessageChannel(NotOptedIn));

        var delivered = await InteractAsync(bot.Fake, FakeDiscordInteractions.SlashCommand(bot.Fake, Guild, LiveDiscordBot.OrganizerId, "delivered",
            new Dictionary<string, JsonNode?> { ["link"] = "https://example.org/letter" }));
        Assert.StartsWith("Marked the petition delivered", Text(delivered["data"]), StringComparison.Ordinal);
        var again = await InteractAsync(bot.Fake, FakeDiscordInteractions.SlashCommand(bot.Fake, Guild, LiveDiscordBot.OrganizerId, "delivered"));
        Assert.StartsWith("The petition was already marked delivered", Text(again["data"]), StringComparison.Ordinal);
        await FakeDiscordServer.WaitUntilAsync(() => Subscribers.All(u => bot.Fake.DirectMessagesTo(u) == 2), "a second DM per subscriber", DiscordFlow.Timeout);
        await bot.OutboxDrainedAsync();
        await Task.Delay(300);

        foreach (var user in Subscribers)
        {
            Assert.Equal(2, bot.Fake.DirectMessagesTo(user));
            var dms = bot.Fake.Requests.Where(r => r.Method == "POST" && r.Path == $"channels/{bot.Fake.DirectMessageChannel(user)}/messages" && r.Status == 200).ToList();
            Assert.Equal(2, dms.Count);
            Assert.All(dms, r => Assert.Empty(r.Json!["allowed_mentions"]!["parse"]!.AsArray()));
            Assert.Contains("AAMC) responded", Text(dms[0].Json), StringComparison.Ordinal);
            Assert.Contains("We hear you @everyone.", Text(dms[0].Json), StringComparison.Ordinal);
            Assert.Contains("was delivered on", Text(dms[1].Json), StringComparison.Ordinal);
        }

        var opens = bot.Fake.Requests.Where(r => r.Method == "POST" && r.Path == "users/@me/channels").Select(r => r.Json!["recipient_id"]!.GetValue<string>()).ToList();
        Assert.Equal(1, opens.Count(u => u == Blocked));
        Assert.Equal(3, bot.Fake.MessagesPosted(Channel)); // the milestone of 2 signatures, the response, the delivery
        AssertBodiesMatchOpenApi(bot.Fake);
    }
}

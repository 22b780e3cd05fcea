using System.Diagnostics;
using PetitionBot.Fakes.Discord;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.Discord;

/// <summary>The outbox wakes when an announcement is written, not at its next poll: with the fallback poll at one
/// minute, a milestone is posted within seconds of the signature that crossed it.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class DiscordOutboxWakeTests
{
    private const string Admin = "600000000000000301";
    private const string Channel = "700000000000000201";

    [Fact]
    public async Task Milestone_FallbackPollOneMinute_PostedWithinSecondsOfTheSignature()
    {
        await using var bot = await LiveDiscordBot.StartAsync(extra: new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:01:00" });
        await bot.SetupChannelAsync(Guild, Admin, Channel);
        await SignAsync(bot.Fake, "600000000000000331", "Ana Lopez");
        Assert.Equal(0, bot.Fake.MessagesPosted(Channel));

        await SignAsync(bot.Fake, "600000000000000332", "Ben Ortiz");
        var signed = Stopwatch.StartNew();
        await FakeDiscordServer.WaitUntilAsync(() => bot.Fake.MessagesPosted(Channel) == 1, "the milestone post", TimeSpan.FromSeconds(10));

        Assert.True(signed.Elapsed < TimeSpan.FromSeconds(10), $"posted {signed.Elapsed.TotalSeconds:0.0} s after the signature");
        await bot.OutboxDrainedAsync();
        Assert.Equal(1, bot.Fake.MessagesPosted(Channel));
    }
}

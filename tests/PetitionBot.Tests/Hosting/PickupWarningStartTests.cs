using PetitionBot.Fakes.Discord;
using PetitionBot.Hosting;
using PetitionBot.Tests.Discord;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Hosting;

/// <summary>A bot that verifies by school email on Discord with no mail server starts, and says at once that signers
/// cannot read the codes it will write to the pickup folder.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class PickupWarningStartTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_EmailVerificationOnDiscordWithoutSmtpHost_StartsAndWarns()
    {
        await using var discord = await FakeDiscordServer.StartAsync(LiveDiscordBot.DefaultFakeOptions);
        var settings = LiveDiscordBot.Settings(_dir.Path, discord, new Dictionary<string, string?> { ["Campaigns:0:Verification"] = "email" });
        var error = new CapturedOutput();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var run = PetitionBotApp.RunAsync([], TextReader.Null, new CapturedOutput(), error, settings, stop.Token);
        await FakeDiscordServer.WaitUntilAsync(() => discord.CountOp(2) > 0 || run.IsCompleted, "the bot's Identify", DiscordFlow.Timeout);
        await stop.CancelAsync();
        var code = await run;

        Assert.Equal(0, code);
        Assert.Contains("Warning: Email verification is on in chat (campaigns: test), but Email:Smtp:Host is not set", error.Text, StringComparison.Ordinal);
        Assert.Contains("signers in Discord or Slack cannot read", error.Text, StringComparison.Ordinal);
    }
}

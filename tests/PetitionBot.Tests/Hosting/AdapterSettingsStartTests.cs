using PetitionBot.Hosting;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Hosting;

/// <summary>The adapters validate their own settings when the bot starts (not only in check-config): a pasted user
/// token or a token with "Bot " stops the start with the same one line per key that check-config prints.</summary>
public sealed class AdapterSettingsStartTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_BadDiscordAndSlackTokens_ExitsTwoWithOneLineEachAndNoSecret()
    {
        var error = new CapturedOutput();

        var code = await PetitionBotApp.RunAsync([], TextReader.Null, new CapturedOutput(), error, TestConfig.For(_dir.Path, new Dictionary<string, string?>
        {
            ["Discord:Token"] = "Bot MTIz.YWJj.ZGVm",
            ["Discord:ApplicationId"] = "1",
            ["Slack:BotToken"] = "xoxp-1234-5678-user-token",
            ["Slack:AppToken"] = "xapp-1-A0123456789-1234-abcdef",
            ["Http:Urls"] = "http://127.0.0.1:0",
        }));

        Assert.Equal(PetitionBotApp.ConfigError, code);
        var lines = error.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("Configuration error: Discord:Token must be the token alone", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Configuration error: Slack:BotToken must be a bot token starting with xoxb-", StringComparison.Ordinal));
        Assert.Equal(2, lines.Length);
        Assert.DoesNotContain("xoxp-1234", error.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("MTIz", error.Text, StringComparison.Ordinal);
    }
}

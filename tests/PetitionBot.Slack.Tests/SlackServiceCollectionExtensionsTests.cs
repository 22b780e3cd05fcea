using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Ports;
using PetitionBot.Slack.SocketMode;
using PetitionBot.Slack.Tests.Support;

namespace PetitionBot.Slack.Tests;

public sealed class SlackServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IPetitionBot>(new FakePetitionBot());
        services.AddSlackAdapter(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddSlackAdapter_NoAppToken_PortsButNoSocketService()
    {
        using var sp = Build(new() { ["Slack:BotToken"] = "xoxb-1", ["Slack:SigningSecret"] = new string('a', 32) });

        Assert.Empty(sp.GetServices<IHostedService>());
        Assert.Equal(Core.Model.PlatformKind.Slack, sp.GetRequiredService<IChatPlatform>().Platform);
        Assert.Equal(AdapterState.Starting, sp.GetRequiredService<IAdapterStatusSource>().Current.State);
        Assert.Equal("https://slack.com/api/", sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl);
    }

    [Fact]
    public void AddSlackAdapter_AppToken_SocketModeHostedService()
    {
        using var sp = Build(new() { ["Slack:BotToken"] = "xoxb-1", ["Slack:AppToken"] = "xapp-1" });

        Assert.IsType<SocketModeService>(Assert.Single(sp.GetServices<IHostedService>()));
    }

    [Fact]
    public void AddSlackAdapter_ClientIdWithoutSecret_ValidationFails()
    {
        using var sp = Build(new() { ["Slack:ClientId"] = "1.2" });

        Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<SlackOptions>>().Value);
    }

    [Fact]
    public void AddSlackAdapter_OAuthWithoutRedirectUri_ValidationFailsNamingKey()
    {
        using var sp = Build(new() { ["Slack:ClientId"] = "1.2", ["Slack:ClientSecret"] = "0123456789abcdef" });

        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<SlackOptions>>().Value);
        Assert.Contains("Slack:OAuthRedirectUri", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void AddSlackAdapter_SeveralProblems_OneSentenceEachInCheckOrder()
    {
        using var sp = Build(new()
        {
            ["Slack:BotToken"] = "xoxp-user",
            ["Slack:AppToken"] = "xapp-1",
            ["Slack:ClientSecret"] = "0123456789abcdef",
            ["Slack:ApiBaseUrl"] = "http://example.com/api",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<SlackOptions>>().Value);

        Assert.Collection(ex.Failures,
            f => Assert.StartsWith("Slack:BotToken must be a bot token", f, StringComparison.Ordinal),
            f => Assert.StartsWith("Slack:ClientId is required when Slack:ClientSecret is set", f, StringComparison.Ordinal),
            f => Assert.StartsWith("Slack:ApiBaseUrl must be an absolute https:// URL", f, StringComparison.Ordinal));
        Assert.All(ex.Failures, f => Assert.DoesNotContain("xoxp-user", f, StringComparison.Ordinal));
    }

    [Fact]
    public void AddSlackAdapter_Ports_ShareOneStatusAndChannelPortInstance()
    {
        using var sp = Build(new() { ["Slack:BotToken"] = "xoxb-1", ["Slack:SigningSecret"] = new string('a', 32) });

        Assert.Same(sp.GetRequiredService<SlackAdapterStatus>(), Assert.Single(sp.GetServices<IAdapterStatusSource>()));
        Assert.Same(sp.GetRequiredService<SlackChatPlatform>(), Assert.Single(sp.GetServices<IChatPlatform>()));
        Assert.Equal(Core.Model.PlatformKind.Slack, Assert.Single(sp.GetServices<IDirectMessagePlatform>()).Platform);
    }
}

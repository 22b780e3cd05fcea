using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Ports;

namespace PetitionBot.Discord.Tests;

public sealed class DiscordServiceCollectionExtensionsTests
{
    private const string Token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";

    private static IServiceCollection Add(Dictionary<string, string?> values)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDiscordAdapter(config);
        return services;
    }

    [Theory]
    [InlineData(null, "1")]
    [InlineData("token", null)]
    [InlineData("", "")]
    public void AddDiscordAdapter_TokenOrApplicationIdMissing_RegistersNothing(string? token, string? appId)
    {
        var services = Add(new() { ["Discord:Token"] = token, ["Discord:ApplicationId"] = appId });

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IChatPlatform));
    }

    [Fact]
    public void AddDiscordAdapter_Configured_RegistersHostedServicePlatformAndStatus()
    {
        var services = Add(new()
        {
            ["Discord:Token"] = Token,
            ["Discord:ApplicationId"] = "1",
            ["Discord:GuildIds:0"] = "5",
        });
        services.AddSingleton<IPetitionBot, FakePetitionBot>();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Single(provider.GetServices<IHostedService>());
        Assert.Equal(Core.Model.PlatformKind.Discord, provider.GetRequiredService<IChatPlatform>().Platform);
        Assert.Equal(AdapterState.Starting, provider.GetRequiredService<IAdapterStatusSource>().Current.State);
        var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
        Assert.Equal(DiscordOptions.DefaultApiBaseUrl, options.ApiBaseUrl);
        Assert.Equal(["5"], options.GuildIds);
    }

    [Fact]
    public void AddDiscordAdapter_BadApiBaseUrl_FailsValidation()
    {
        var services = Add(new() { ["Discord:Token"] = Token, ["Discord:ApplicationId"] = "1", ["Discord:ApiBaseUrl"] = "not a url" });
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);
    }

    [Fact]
    public void InviteUrl_ApplicationId_HasScopesAndPermissions()
    {
        Assert.Equal(
            "https://discord.com/oauth2/authorize?client_id=123&scope=bot+applications.commands&permissions=52224",
            DiscordInvite.Url("123"));
    }
}

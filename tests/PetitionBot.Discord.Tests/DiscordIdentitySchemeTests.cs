using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PetitionBot.Discord.Api;
using PetitionBot.Discord.Interactions;

namespace PetitionBot.Discord.Tests;

public sealed class DiscordIdentitySchemeTests
{
    /// <summary>Signatures are matched by a keyed hash of this exact text: a change would orphan every stored one.</summary>
    [Fact]
    public void ActorOf_GuildMember_IdentityKeyIsTodaysDiscordKey()
    {
        var interaction = JsonSerializer.Deserialize("""
            {"id":"1","token":"t","type":2,"guild_id":"290926798626357999",
             "member":{"user":{"id":"53908232506183680"},"roles":[],"permissions":"0"}}
            """, DiscordJsonContext.Default.InteractionPayload)!;

        var actor = InteractionParser.ActorOf(interaction);

        Assert.Equal("discord:53908232506183680", actor.IdentityKey);
        Assert.Equal("discord:53908232506183680", DiscordIdentityScheme.KeyOf("53908232506183680"));
    }

    [Theory]
    [InlineData("discord:53908232506183680", true)]
    [InlineData("discord:abc", false)]
    [InlineData("slack:T1:U1", false)]
    public void IsOrganizerId_Shape_OnlyDiscordUserIds(string id, bool expected)
    {
        Assert.Equal(expected, new DiscordIdentityScheme().IsOrganizerId(id));
    }

    [Theory]
    [InlineData("Discord:Token", "Bot MTIz.YWJj.ZGVm", "\"Bot \" prefix")]
    [InlineData("Discord:Token", "not-a-token", "three base64url parts")]
    [InlineData("Discord:ApplicationId", "12ab", "numeric id")]
    [InlineData("Discord:ApplicationId", "0", "numeric id")]
    [InlineData("Discord:ApplicationId", "-5", "numeric id")]
    [InlineData("Discord:ApplicationId", "000000000000000000005", "numeric id")]
    [InlineData("Discord:ApplicationId", "18446744073709551616", "numeric id")]
    [InlineData("Discord:ApiBaseUrl", "http://example.com/api", "https://")]
    public void StartValidation_BadSetting_OneLineNamingTheKey(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = "MTIz.YWJj.ZGVm",
            ["Discord:ApplicationId"] = "1",
            [key] = value,
        };
        var services = new ServiceCollection().AddLogging();
        services.AddDiscordAdapter(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failure = Assert.Single(ex.Failures);
        Assert.StartsWith(key, failure, StringComparison.Ordinal);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
        Assert.DoesNotContain(value, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void StartValidation_TokenWithoutApplicationId_NamesTheMissingKey()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDiscordAdapter(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Token"] = "MTIz.YWJj.ZGVm" }).Build());
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith("Discord:ApplicationId is required when Discord:Token is set", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }
}

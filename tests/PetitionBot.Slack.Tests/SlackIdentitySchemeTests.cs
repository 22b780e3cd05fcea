using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Ports;
using PetitionBot.Slack.Tests.Support;

namespace PetitionBot.Slack.Tests;

public sealed class SlackIdentitySchemeTests
{
    /// <summary>Signatures are matched by a keyed hash of this exact text: a change would orphan every stored one.</summary>
    [Fact]
    public void ActorFor_TeamAndUser_IdentityKeyIsTodaysSlackKey()
    {
        var actor = SlackIdentityScheme.ActorFor("T0SCHOOL1", "U0STUDENT1", [], false);

        Assert.Equal("slack:T0SCHOOL1:U0STUDENT1", actor.IdentityKey);
        Assert.Equal(Core.Model.PlatformKind.Slack, actor.Platform);
    }

    [Theory]
    [InlineData("slack:T0SCHOOL1:U0STUDENT1", true)]
    [InlineData("slack:U0STUDENT1", false)]
    [InlineData("discord:1", false)]
    public void IsOrganizerId_Shape_OnlyTeamAndUser(string id, bool expected)
    {
        Assert.Equal(expected, new SlackIdentityScheme().IsOrganizerId(id));
    }

    [Theory]
    [InlineData("Slack:BotToken", "xoxp-1234-user", "xoxb-")]
    [InlineData("Slack:AppToken", "xoxb-1234", "xapp-")]
    [InlineData("Slack:SigningSecret", "too-short", "32-character")]
    [InlineData("Slack:ApiBaseUrl", "http://example.com/api/", "https://")]
    public void StartValidation_BadSetting_OneLineNamingTheKey(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-1",
            ["Slack:AppToken"] = "xapp-1",
            [key] = value,
        };
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IPetitionBot>(new FakePetitionBot());
        services.AddSlackAdapter(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failure = Assert.Single(ex.Failures);
        Assert.StartsWith(key, failure, StringComparison.Ordinal);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
        Assert.DoesNotContain(value, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSlackAdapter_NoSlackKey_OnlyTheIdentityScheme()
    {
        var services = new ServiceCollection();
        services.AddSlackAdapter(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:ApiBaseUrl"] = "https://slack.com/api/" }).Build());

        Assert.Equal(typeof(SlackIdentityScheme), Assert.Single(services, d => d.ServiceType == typeof(IIdentityScheme)).ImplementationType);
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IChatPlatform));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IValidateOptions<SlackOptions>));
    }
}

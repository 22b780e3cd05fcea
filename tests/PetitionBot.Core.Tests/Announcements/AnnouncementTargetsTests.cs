using PetitionBot.Core.Announcements;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Tests.Announcements;

public sealed class AnnouncementTargetsTests
{
    private static ServerSettings Server(string id, string? channel = "ch", string? school = null) =>
        new(new ServerRef(PlatformKind.Discord, id)) { AnnouncementChannelId = channel is null ? null : channel + id, School = school };

    [Fact]
    public void Select_MixedServers_OnlyPresentWorkingChannelsOfThisCampaign()
    {
        var servers = new[]
        {
            Server("1"),
            Server("2") with { DefaultCampaignId = "other" },
            Server("3") with { DefaultCampaignId = "c" },
            Server("4") with { ChannelProblem = "the channel no longer exists" },
            Server("5") with { Present = false },
            Server("6", channel: null),
            Server("1"),
        };

        var targets = AnnouncementTargets.Select(servers, "c");

        Assert.Equal([new ChannelRef(PlatformKind.Discord, "1", "ch1"), new ChannelRef(PlatformKind.Discord, "3", "ch3")], targets);
    }

    [Fact]
    public void Select_SchoolMilestone_OnlyThatSchoolsServers()
    {
        var servers = new[] { Server("1", school: "UCSF School of Medicine"), Server("2", school: "Harvard Medical School"), Server("3") };
        var ucsf = servers[0].SchoolKey;

        var targets = AnnouncementTargets.Select(servers, "c", ucsf);

        Assert.Equal([new ChannelRef(PlatformKind.Discord, "1", "ch1")], targets);
        Assert.Equal(3, AnnouncementTargets.Select(servers, "c").Count);
    }
}

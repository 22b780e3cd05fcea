using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Announcements;

/// <summary>Which channels get an announcement: the announcement channels of present servers whose channel works
/// (no <see cref="ServerSettings.ChannelProblem"/>) and that take part in the campaign (no default campaign, or this
/// one); for a school milestone, only the servers of that school. Each channel once.</summary>
public static class AnnouncementTargets
{
    public static IReadOnlyList<ChannelRef> Select(IEnumerable<ServerSettings> servers, string campaignId, string? schoolKey = null)
    {
        ArgumentNullException.ThrowIfNull(servers);
        return servers
            .Where(s => s.DefaultCampaignId is null || s.DefaultCampaignId == campaignId)
            .Where(s => schoolKey is null || s.SchoolKey == schoolKey)
            .Select(s => s.AnnouncementChannel)
            .OfType<ChannelRef>()
            .Distinct()
            .ToList();
    }
}

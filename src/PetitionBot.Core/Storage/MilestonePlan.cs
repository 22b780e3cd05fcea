using PetitionBot.Core.Campaigns;

namespace PetitionBot.Core.Storage;

/// <summary>The milestones a signature may cross: campaign-wide and per school. <paramref name="Definition"/> is the
/// campaign whose words an announcement of a crossed milestone is composed with (in the signature's transaction).</summary>
public sealed record MilestonePlan(IReadOnlyList<int> Campaign, IReadOnlyList<int> School, CampaignDefinition? Definition = null)
{
    public static MilestonePlan None { get; } = new([], []);
}

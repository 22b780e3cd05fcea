namespace PetitionBot.Core.Storage;

/// <summary>The milestones a signature may cross: campaign-wide and per school.</summary>
public sealed record MilestonePlan(IReadOnlyList<int> Campaign, IReadOnlyList<int> School)
{
    public static MilestonePlan None { get; } = new([], []);
}

namespace PetitionBot.Core.Campaigns;

/// <summary>Chapter updates: <c>Updates:MaxPerWindow</c> posts per server per <c>Updates:Window</c>.</summary>
public sealed class UpdateOptions
{
    public int MaxPerWindow { get; set; } = 3;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    public int MaxLength { get; set; } = 1500;
}

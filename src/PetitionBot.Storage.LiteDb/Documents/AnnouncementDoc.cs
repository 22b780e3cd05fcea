namespace PetitionBot.Storage.LiteDb.Documents;

/// <summary>An announcement. <see cref="UniqueKey"/> makes each milestone announced once ever.</summary>
internal sealed class AnnouncementDoc
{
    public string Id { get; set; } = "";

    public string UniqueKey { get; set; } = "";

    public string CampaignId { get; set; } = "";

    public int Kind { get; set; }

    public int? Milestone { get; set; }

    public string? SchoolKey { get; set; }

    public string? Title { get; set; }

    public string? Text { get; set; }

    public long CreatedAtTicks { get; set; }
}

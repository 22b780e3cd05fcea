namespace PetitionBot.Storage.LiteDb.Documents;

internal sealed class ServerDoc
{
    /// <summary>"discord:guild" / "slack:team".</summary>
    public string Id { get; set; } = "";

    public int Platform { get; set; }

    /// <summary>The core's server id (<c>ServerRef.ServerId</c>), under the field name the database files already use.</summary>
    public string WorkspaceId { get; set; } = "";

    public string? Name { get; set; }

    public bool Present { get; set; }

    public string? AnnouncementChannelId { get; set; }

    public string? LeaderRoleId { get; set; }

    public string? VerifiedRoleId { get; set; }

    public bool Strict { get; set; }

    public string? School { get; set; }

    public string? SchoolId { get; set; }

    public string? DefaultCampaignId { get; set; }

    public string? ChannelProblem { get; set; }

    public bool AdminNoticePending { get; set; }

    public long UpdatedAtTicks { get; set; }
}

namespace PetitionBot.Storage.LiteDb.Documents;

/// <summary>A workspace install. <see cref="TokenCipher"/> is the AES-GCM-encrypted bot token.</summary>
internal sealed class InstallationDoc
{
    public string Id { get; set; } = "";

    public int Platform { get; set; }

    /// <summary>The core's server id (<c>ServerRef.ServerId</c>), under the field name the database files already use.</summary>
    public string WorkspaceId { get; set; } = "";

    public byte[] TokenCipher { get; set; } = [];

    public string? BotUserId { get; set; }

    /// <summary>The core's <c>Installation.ServerName</c> (the Slack workspace's name), under the field name the files already use.</summary>
    public string? WorkspaceName { get; set; }

    public long InstalledAtTicks { get; set; }
}

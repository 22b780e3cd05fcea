namespace PetitionBot.Storage.LiteDb.Documents;

/// <summary>A workspace install. <see cref="TokenCipher"/> is the AES-GCM-encrypted bot token.</summary>
internal sealed class InstallationDoc
{
    public string Id { get; set; } = "";

    public int Platform { get; set; }

    public string WorkspaceId { get; set; } = "";

    public byte[] TokenCipher { get; set; } = [];

    public string? BotUserId { get; set; }

    public string? WorkspaceName { get; set; }

    public long InstalledAtTicks { get; set; }
}

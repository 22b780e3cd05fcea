namespace PetitionBot.Storage.LiteDb.Documents;

/// <summary>A flow draft. <see cref="Payload"/> is the AES-GCM-encrypted JSON of its values (may hold a name).</summary>
internal sealed class DraftDoc
{
    public string Id { get; set; } = "";

    public string Flow { get; set; } = "";

    public string OwnerHash { get; set; } = "";

    public string CampaignId { get; set; } = "";

    public string Step { get; set; } = "";

    public byte[] Payload { get; set; } = [];

    public long ExpiresAtTicks { get; set; }
}

namespace PetitionBot.Storage.LiteDb.Documents;

/// <summary>An interaction, envelope or trigger id already acted on: its SHA-256 (base64url) and when it may be forgotten.</summary>
internal sealed class SeenIdDoc
{
    public string Id { get; set; } = "";

    public long ExpiresAtTicks { get; set; }
}

namespace PetitionBot.Discord.Api;

/// <summary>op 2 Identify data.</summary>
internal sealed record IdentifyPayload(string Token, int Intents, IdentifyPropertiesPayload Properties)
{
    /// <summary>Never prints the bot token.</summary>
    public override string ToString() => $"IdentifyPayload {{ Intents = {Intents} }}";
}

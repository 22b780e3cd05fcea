namespace PetitionBot.Discord.Api;

/// <summary><c>GET /gateway/bot</c>: where to connect and how many sessions may still be started.</summary>
internal sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);

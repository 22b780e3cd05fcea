using PetitionBot.Core.Model;

namespace PetitionBot.Core.Ports;

/// <summary>A workspace that installed the app (Slack OAuth v2), with its bot token. The store keeps the token encrypted.</summary>
public sealed record Installation(
    ServerRef Server,
    string AccessToken,
    string? BotUserId,
    string? ServerName,
    DateTimeOffset InstalledAt);

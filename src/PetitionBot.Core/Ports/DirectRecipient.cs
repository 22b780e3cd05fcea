using PetitionBot.Core.Model;

namespace PetitionBot.Core.Ports;

/// <summary>Where one private message goes: a user of a server (Slack needs the team's token; Discord needs only the
/// user id). Held in memory only while the message is sent.</summary>
public sealed record DirectRecipient(string SubscriptionId, PlatformKind Platform, string ServerId, string UserId);

using PetitionBot.Core.Model;

namespace PetitionBot.Core.Ports;

/// <summary>The outbox's address of a private message: a <see cref="ChannelRef"/> whose channel id is "dm:" + the
/// subscription id. The outbox never holds the user id; the dispatcher asks the <see cref="ISubscriptionStore"/> for it.</summary>
public static class DirectTarget
{
    public const string Prefix = "dm:";

    public static ChannelRef For(PlatformKind platform, string serverId, string subscriptionId) => new(platform, serverId, Prefix + subscriptionId);

    public static bool TryGetSubscriptionId(ChannelRef channel, out string subscriptionId)
    {
        ArgumentNullException.ThrowIfNull(channel);
        subscriptionId = channel.ChannelId.StartsWith(Prefix, StringComparison.Ordinal) ? channel.ChannelId[Prefix.Length..] : "";
        return subscriptionId.Length > 0;
    }
}
